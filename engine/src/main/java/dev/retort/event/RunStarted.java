package dev.retort.event;

import dev.retort.Operation;

/**
 * A run was subscribed to and its migration files were read and validated.
 *
 * @param operation what the run does
 * @param target    the target expression as given
 */
public record RunStarted(Operation operation, String target) implements MigrationEvent {
}
