package dev.retort.event;

import java.time.Duration;
import java.util.Set;

/**
 * The run finished and released the lock.
 *
 * @param heads    the version table's rows after the run
 * @param applied  how many revisions were applied (or stamped)
 * @param duration the whole run, lock wait included
 */
public record RunCompleted(Set<String> heads, int applied, Duration duration) implements MigrationEvent {

    /** Copies the set so the record stays immutable. */
    public RunCompleted {
        heads = Set.copyOf(heads);
    }
}
