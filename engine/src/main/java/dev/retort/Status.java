package dev.retort;

import java.util.List;
import java.util.Optional;

/**
 * Where the database stands against the migration files, read in one go: what {@code retort
 * current} shows, and what a service reports about its own schema.
 *
 * @param current the version table's rows, sorted (empty at base)
 * @param heads   the files' heads, sorted
 * @param pending the revisions {@code upgrade heads} would apply, in order; empty when the version
 *                table names a revision no file defines (see {@code unknown})
 * @param unknown version-table rows that no migration file defines, sorted
 * @param dirty   the non-transactional revision whose run failed midway, if the database is dirty
 */
public record Status(List<String> current, List<String> heads, List<String> pending, List<String> unknown,
        Optional<Dirty> dirty) {

    /** Copies the lists so the record stays immutable. */
    public Status {
        current = List.copyOf(current);
        heads = List.copyOf(heads);
        pending = List.copyOf(pending);
        unknown = List.copyOf(unknown);
    }

    /** @return whether {@code upgrade heads} has revisions to apply */
    public boolean needsUpgrade() {
        return !pending.isEmpty();
    }

    /** @return whether a non-transactional revision failed midway and the schema needs a repair */
    public boolean isDirty() {
        return dirty.isPresent();
    }

    /**
     * A non-transactional revision that failed midway: part of its statements may have run.
     *
     * @param revision  the revision
     * @param operation what was being done
     */
    public record Dirty(String revision, Operation operation) {

        /** @return what happened and what to do, as a sentence */
        public String advice() {
            return "The " + operation.label() + " of non-transactional revision "
                    + revision + " failed midway, so part of it may have run: repair the schema by hand, then run"
                    + " 'retort stamp <revision>' to record where it is.";
        }
    }
}
