package dev.retort.event;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The run read the version table under the lock and knows what it will do.
 *
 * @param currentHeads the version table's rows before the run
 * @param revisions    the revisions it will apply, in order (empty when nothing is to do)
 * @param newSchema    the schema of Retort's tables when it does not exist yet: the run creates it,
 *                     with the tables, in the transaction of its first revision (or stamp), so a
 *                     mistyped schema name shows here, and a run that fails leaves no schema behind
 */
public record RunPlanned(Set<String> currentHeads, List<String> revisions, Optional<String> newSchema)
        implements MigrationEvent {

    /** Copies the collections so the record stays immutable. */
    public RunPlanned {
        currentHeads = Set.copyOf(currentHeads);
        revisions = List.copyOf(revisions);
        newSchema = newSchema == null ? Optional.empty() : newSchema;
    }

    /**
     * A plan in a schema that exists.
     *
     * @param currentHeads the version table's rows before the run
     * @param revisions    the revisions it will apply, in order
     */
    public RunPlanned(Set<String> currentHeads, List<String> revisions) {
        this(currentHeads, revisions, Optional.empty());
    }
}
