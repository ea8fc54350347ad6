package dev.retort.error;

import org.jspecify.annotations.Nullable;

import java.util.Optional;

/**
 * A statement of a migration failed on the server. Carries where (revision, file, line), what
 * (an excerpt of the statement) and why (SQLSTATE and the server's message); the R2DBC exception
 * is the cause. A transactional revision was rolled back whole; a non-transactional one left the
 * database dirty.
 */
public final class MigrationExecutionException extends RetortException {

    private static final int EXCERPT_LENGTH = 200;

    private final String revision;
    private final String file;
    private final int line;
    private final String statement;
    private final @Nullable String sqlState;
    private final String serverMessage;
    private final ServerDetails details;

    /**
     * @param revision      the revision whose statement failed
     * @param file          the file holding it
     * @param line          the 1-based file line of the failure (of the error position when the
     *                      server gave one, else of the statement's start)
     * @param statement     the statement's text
     * @param sqlState      the SQLSTATE, or {@code null} when the server gave none
     * @param serverMessage the server's message
     * @param details       what else the server said: detail, hint, constraint
     * @param dirty         whether the failure left the database dirty (non-transactional revision)
     * @param cause         the R2DBC exception
     */
    public MigrationExecutionException(String revision, String file, int line, String statement,
            @Nullable String sqlState, String serverMessage, ServerDetails details, boolean dirty, Throwable cause) {
        super(ErrorCode.MIGRATION_FAILED,
                format(revision, file, line, statement, sqlState, serverMessage, details, dirty), cause);
        this.details = details;
        this.revision = revision;
        this.file = file;
        this.line = line;
        this.statement = statement;
        this.sqlState = sqlState;
        this.serverMessage = serverMessage;
    }

    private static String format(String revision, String file, int line, String statement, @Nullable String sqlState,
            String serverMessage, ServerDetails details, boolean dirty) {
        String outcome = dirty
                ? "The revision is not transactional: statements before this one stayed applied and the database is"
                        + " now dirty. Repair it by hand, then run 'retort stamp' to the revision it is really at."
                : "Its transaction was rolled back; the database is unchanged by this revision.";
        return "Migration " + revision + " failed at " + file + ":" + line
                + (sqlState != null ? " [SQLSTATE " + sqlState + "]" : "") + ": " + serverMessage
                + details.detail().map(detail -> "\n  detail: " + detail).orElse("")
                + details.hint().map(hint -> "\n  hint: " + hint).orElse("")
                + "\n  statement: " + excerpt(statement) + "\n  " + outcome;
    }

    private static String excerpt(String statement) {
        String flat = statement.replaceAll("\\s+", " ").strip();
        return flat.length() <= EXCERPT_LENGTH ? flat : flat.substring(0, EXCERPT_LENGTH) + "...";
    }

    /** @return the revision whose statement failed */
    public String revision() {
        return revision;
    }

    /** @return the file that holds the revision */
    public String file() {
        return file;
    }

    /** @return the 1-based file line of the failure */
    public int line() {
        return line;
    }

    /** @return the failed statement's text */
    public String statement() {
        return statement;
    }

    /** @return the SQLSTATE, when the server gave one */
    public Optional<String> sqlState() {
        return Optional.ofNullable(sqlState);
    }

    /** @return the server's error message */
    public String serverMessage() {
        return serverMessage;
    }

    /** @return the server's detail, hint and constraint name, each where it gave one */
    public ServerDetails details() {
        return details;
    }

    /**
     * What PostgreSQL reports with an error beyond its message.
     *
     * @param detail     the detail, e.g. {@code Key (id)=(1) already exists.}
     * @param hint       the hint, e.g. what to do about the error
     * @param constraint the name of the constraint violated
     */
    public record ServerDetails(Optional<String> detail, Optional<String> hint, Optional<String> constraint) {

        /** Nothing beyond the message, as from a driver that reports no fields. */
        public static final ServerDetails NONE = new ServerDetails(Optional.empty(), Optional.empty(),
                Optional.empty());
    }
}
