package dev.retort.error;

/**
 * What kind of failure a {@link RetortException} reports. Each code carries the process exit code
 * the CLI uses for it, so scripts can tell a failed migration from a usage error from an
 * unreachable server.
 */
public enum ErrorCode {

    /** A migration statement failed on the server; its transaction was rolled back. */
    MIGRATION_FAILED(1),

    /** The database is dirty: a non-transactional migration failed midway and must be resolved. */
    DIRTY_DATABASE(1),

    /** Validation or {@code check} found a problem: checksum drift, unknown applied revision. */
    VALIDATION_FAILED(1),

    /** A migration file or the revision graph is invalid; nothing was executed. */
    INVALID_MIGRATIONS(2),

    /** A target or range expression cannot be resolved against the revision graph. */
    INVALID_TARGET(2),

    /** A configuration value is invalid (schema name, table prefix, option). */
    INVALID_CONFIGURATION(2),

    /** The server cannot be reached, refused the credentials, or the connection broke. */
    CONNECTION_FAILED(3),

    /** Another run held the migration lock for longer than the configured timeout. */
    LOCK_TIMEOUT(3);

    private final int exitCode;

    ErrorCode(int exitCode) {
        this.exitCode = exitCode;
    }

    /**
     * The CLI's exit code for this kind of failure: {@code 1} the operation failed, {@code 2}
     * usage error or invalid migrations (nothing executed), {@code 3} connection or lock.
     *
     * @return the process exit code
     */
    public int exitCode() {
        return exitCode;
    }
}
