package dev.retort.internal.history;

import java.util.Optional;
import java.util.Set;

/**
 * What the version and history tables say before a run.
 *
 * @param tablesExist  whether Retort's tables exist yet
 * @param schemaExists whether the schema for them exists
 * @param heads       the version table's rows
 * @param dirtyMark   the failed non-transactional revision and operation, if the latest history
 *                    row is a failure
 */
public record DatabaseState(boolean tablesExist, boolean schemaExists, Set<String> heads,
        Optional<DirtyMark> dirtyMark) {

    /** Copies the set so the record stays immutable. */
    public DatabaseState {
        heads = Set.copyOf(heads);
    }

    /**
     * @param schemaExists whether the schema for Retort's tables exists
     * @return the state of a database Retort has never touched
     */
    public static DatabaseState untouched(boolean schemaExists) {
        return new DatabaseState(false, schemaExists, Set.of(), Optional.empty());
    }

    /**
     * @param revision  the revision that failed midway
     * @param operation {@code upgrade} or {@code downgrade}
     */
    public record DirtyMark(String revision, String operation) {
    }
}
