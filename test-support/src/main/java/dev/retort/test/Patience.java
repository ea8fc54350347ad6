package dev.retort.test;

import java.time.Duration;

/**
 * How long a test waits for a publisher: every {@code block} in a test is bounded, so that a hung
 * pipeline fails its test with a timeout instead of holding the build.
 */
public final class Patience {

    /** Longer than any single run in the tests takes on a loaded machine; far shorter than a hang. */
    public static final Duration PATIENCE = Duration.ofMinutes(1);

    private Patience() {
    }
}
