package dev.retort.error;

import org.jspecify.annotations.Nullable;

/**
 * The version table changed under a running revision: the rows its step replaces were not there
 * to replace, because someone edited the table outside Retort. A transactional revision was rolled
 * back; a non-transactional one left the database dirty.
 */
public final class VersionTableChangedException extends RetortException {

    private final String revision;

    /**
     * @param revision the revision that was running
     * @param message  a complete sentence: what was expected, and what to do
     * @param cause    the failure that showed it, or {@code null}
     */
    public VersionTableChangedException(String revision, String message, @Nullable Throwable cause) {
        super(ErrorCode.MIGRATION_FAILED, message, cause);
        this.revision = revision;
    }

    /** @return the revision that was running */
    public String revision() {
        return revision;
    }
}
