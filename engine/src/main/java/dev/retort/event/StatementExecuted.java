package dev.retort.event;

import java.time.Duration;

/**
 * One statement of a revision ran (its transaction may still roll back if a later one fails).
 *
 * @param revision    the revision id
 * @param line        the statement's 1-based line in the file
 * @param rowsUpdated rows the server reported as affected
 * @param duration    how long the server took
 */
public record StatementExecuted(String revision, int line, long rowsUpdated, Duration duration)
        implements MigrationEvent {
}
