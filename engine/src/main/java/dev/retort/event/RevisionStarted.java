package dev.retort.event;

import dev.retort.Operation;

/**
 * A revision's section starts to run.
 *
 * @param revision  the revision id
 * @param operation upgrade or downgrade
 * @param message   the revision's message
 * @param index     1-based position in the run
 * @param total     how many revisions the run applies
 */
public record RevisionStarted(String revision, Operation operation, String message, int index, int total)
        implements MigrationEvent {
}
