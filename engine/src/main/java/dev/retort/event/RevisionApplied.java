package dev.retort.event;

import dev.retort.Operation;

import java.time.Duration;

/**
 * A revision was applied and committed, together with its version-table change and history row.
 *
 * @param revision  the revision id
 * @param operation upgrade or downgrade
 * @param duration  from its first statement to the commit
 */
public record RevisionApplied(String revision, Operation operation, Duration duration) implements MigrationEvent {
}
