package dev.retort.error;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The migration files parse, but together they do not form a valid revision graph: a cycle,
 * a duplicate revision id, an unknown parent or dependency. Every problem found is listed, so a
 * user fixes them in one pass. Raised before anything touches the database.
 */
public final class RevisionGraphException extends RetortException {

    private final List<Problem> details;

    /**
     * @param details every problem found
     */
    public RevisionGraphException(List<Problem> details) {
        super(ErrorCode.INVALID_MIGRATIONS, "Invalid revision graph:\n  - "
                + details.stream().map(Problem::message).collect(Collectors.joining("\n  - ")));
        this.details = List.copyOf(details);
    }

    /** @return one sentence per problem, naming the revisions and files */
    public List<String> problems() {
        return details.stream().map(Problem::message).toList();
    }

    /** @return every problem with its kind and the revisions involved */
    public List<Problem> details() {
        return details;
    }

    /**
     * One problem of the graph.
     *
     * @param kind      what is wrong
     * @param revisions the revisions involved: for a cycle, its revisions in order; for a reference,
     *                  the referring revision and the one it names
     * @param message   a complete sentence naming them and their files
     */
    public record Problem(Kind kind, List<String> revisions, String message) {

        /** Copies the list so the record stays immutable. */
        public Problem {
            revisions = List.copyOf(revisions);
        }
    }

    /** The kinds of graph problem. */
    public enum Kind {
        /** Two files define the same revision id. */
        DUPLICATE_ID,
        /** An id or branch label is empty, too long, a reserved word, or has characters targets cannot name. */
        INVALID_NAME,
        /** A parent or dependency is listed twice. */
        REPEATED_REFERENCE,
        /** A parent or dependency names a revision no file defines. */
        UNKNOWN_REFERENCE,
        /** A branch label names two branches, or is another revision's id. */
        DUPLICATE_LABEL,
        /** Revisions revise or depend on each other in a circle. */
        CYCLE
    }
}
