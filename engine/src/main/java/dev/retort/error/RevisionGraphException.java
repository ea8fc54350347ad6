package dev.retort.error;

import java.util.List;

/**
 * The migration files parse, but together they do not form a valid revision graph: a cycle,
 * a duplicate revision id, an unknown parent or dependency. Every problem found is listed, so a
 * user fixes them in one pass. Raised before anything touches the database.
 */
public final class RevisionGraphException extends RetortException {

    private final List<String> problems;

    /**
     * @param problems one complete sentence per problem, each naming the revisions and files
     */
    public RevisionGraphException(List<String> problems) {
        super(ErrorCode.INVALID_MIGRATIONS, "Invalid revision graph:\n  - " + String.join("\n  - ", problems));
        this.problems = List.copyOf(problems);
    }

    /** @return one sentence per problem */
    public List<String> problems() {
        return problems;
    }
}
