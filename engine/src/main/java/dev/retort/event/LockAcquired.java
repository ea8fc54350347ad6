package dev.retort.event;

import java.time.Duration;

/**
 * The run holds the migration lock; no other run can change the schema until it ends.
 *
 * @param waited how long the run waited for another run to release it
 */
public record LockAcquired(Duration waited) implements MigrationEvent {
}
