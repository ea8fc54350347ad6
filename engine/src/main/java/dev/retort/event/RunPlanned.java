package dev.retort.event;

import java.util.List;
import java.util.Set;

/**
 * The run read the version table under the lock and knows what it will do.
 *
 * @param currentHeads the version table's rows before the run
 * @param revisions    the revisions it will apply, in order (empty when nothing is to do)
 */
public record RunPlanned(Set<String> currentHeads, List<String> revisions) implements MigrationEvent {

    /** Copies the collections so the record stays immutable. */
    public RunPlanned {
        currentHeads = Set.copyOf(currentHeads);
        revisions = List.copyOf(revisions);
    }
}
