package dev.retort.internal;

import dev.retort.internal.source.SessionSettings;

import java.time.Duration;

/**
 * How revisions run: the server settings every revision gets, and how often a revision that
 * could not take a table's lock in time is tried again.
 *
 * @param settings        the run's session settings (a revision's own {@code set} header adds to them)
 * @param lockRetries     how many more tries a revision gets after failing with {@code lock_not_available}
 * @param firstRetryDelay the wait before the first retry; each further one waits twice as long
 */
public record RunOptions(SessionSettings settings, int lockRetries, Duration firstRetryDelay) {

    /** No settings, three retries, the first after a second. */
    public static final RunOptions DEFAULT = new RunOptions(SessionSettings.NONE, 3, Duration.ofSeconds(1));

    /**
     * @param retry the retry about to be made, from 1
     * @return how long to wait before it: 1 s, 2 s, 4 s ... with the default first delay
     */
    public Duration delayBefore(int retry) {
        return firstRetryDelay.multipliedBy(1L << Math.min(retry - 1, 20));
    }
}
