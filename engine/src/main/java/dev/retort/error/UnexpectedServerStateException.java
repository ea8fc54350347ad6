package dev.retort.error;

/**
 * The server refused one of Retort's own statements for a reason no step explains: the database
 * is not in a state Retort expects (a table altered by hand, a setting that forbids the
 * statement). The server's message says which; nothing of the revision in progress was committed.
 */
public final class UnexpectedServerStateException extends RetortException {

    /**
     * @param message a complete sentence with the server's message
     * @param cause   the server's error
     */
    public UnexpectedServerStateException(String message, Throwable cause) {
        super(ErrorCode.MIGRATION_FAILED, message, cause);
    }
}
