package dev.retort.error;

/**
 * Retort's own tables could not be read, created or written for a reason the role can fix: a
 * missing privilege on the schema or the tables. Nothing was changed.
 */
public final class RetortTablesException extends RetortException {

    /**
     * @param message a complete sentence: which tables, the server's reason, what to grant
     * @param cause   the server's error
     */
    public RetortTablesException(String message, Throwable cause) {
        super(ErrorCode.MIGRATION_FAILED, message, cause);
    }
}
