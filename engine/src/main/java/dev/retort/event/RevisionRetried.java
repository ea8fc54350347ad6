package dev.retort.event;

import java.time.Duration;

/**
 * A revision failed because a lock was not available in time (SQLSTATE 55P03, raised by
 * {@code lock_timeout}), was rolled back, and runs again from its start after a wait; a
 * {@link RevisionStarted} follows.
 *
 * @param revision the revision
 * @param retry    which retry comes next, from 1
 * @param retries  how many retries the run allows
 * @param delay    the wait before it
 * @param reason   the server's message, e.g. {@code canceling statement due to lock timeout}
 */
public record RevisionRetried(String revision, int retry, int retries, Duration delay, String reason)
        implements MigrationEvent {
}
