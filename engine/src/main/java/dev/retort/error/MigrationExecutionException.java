package dev.retort.error;

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
    private final String sqlState;
    private final String serverMessage;

    /**
     * @param revision      the revision whose statement failed
     * @param file          the file holding it
     * @param line          the 1-based file line of the failure (of the error position when the
     *                      server gave one, else of the statement's start)
     * @param statement     the statement's text
     * @param sqlState      the SQLSTATE, or {@code null} when the server gave none
     * @param serverMessage the server's message
     * @param dirty         whether the failure left the database dirty (non-transactional revision)
     * @param cause         the R2DBC exception
     */
    public MigrationExecutionException(String revision, String file, int line, String statement, String sqlState,
            String serverMessage, boolean dirty, Throwable cause) {
        super(ErrorCode.MIGRATION_FAILED,
                format(revision, file, line, statement, sqlState, serverMessage, dirty), cause);
        this.revision = revision;
        this.file = file;
        this.line = line;
        this.statement = statement;
        this.sqlState = sqlState;
        this.serverMessage = serverMessage;
    }

    private static String format(String revision, String file, int line, String statement, String sqlState,
            String serverMessage, boolean dirty) {
        String outcome = dirty
                ? "The revision is not transactional: statements before this one stayed applied and the database is"
                        + " now dirty. Repair it by hand, then run 'retort stamp' to the revision it is really at."
                : "Its transaction was rolled back; the database is unchanged by this revision.";
        return "Migration " + revision + " failed at " + file + ":" + line
                + (sqlState != null ? " [SQLSTATE " + sqlState + "]" : "") + ": " + serverMessage
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
}
