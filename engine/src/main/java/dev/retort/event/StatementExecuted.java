package dev.retort.event;

import java.time.Duration;

/**
 * One statement of a revision ran (its transaction may still roll back if a later one fails).
 *
 * @param revision    the revision id
 * @param line        the statement's 1-based line in the file
 * @param rowsUpdated rows the server reported as affected
 * @param duration    how long after the previous statement's result (or after sending) its result
 *                    arrived. A transactional revision's statements are sent together and the
 *                    server returns their results together at the end, so there the first one
 *                    carries the time of them all and the others about none; the history row's
 *                    {@code duration_ms} holds the server's own measure of the revision
 */
public record StatementExecuted(String revision, int line, long rowsUpdated, Duration duration)
        implements MigrationEvent {
}
