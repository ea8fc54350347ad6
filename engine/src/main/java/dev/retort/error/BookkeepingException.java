package dev.retort.error;

/**
 * A revision's statements ran, but recording it in Retort's tables (or the checks that go with
 * it) failed. A transactional revision was rolled back with its record; a non-transactional one
 * left the database dirty, since its statements stay applied.
 */
public final class BookkeepingException extends RetortException {

    private final String revision;
    private final boolean dirty;

    /**
     * @param revision the revision being recorded
     * @param dirty    whether the database is now dirty
     * @param message  a complete sentence: what failed, and what to do
     * @param cause    the server's error
     */
    public BookkeepingException(String revision, boolean dirty, String message, Throwable cause) {
        super(ErrorCode.MIGRATION_FAILED, message, cause);
        this.revision = revision;
        this.dirty = dirty;
    }

    /** @return the revision being recorded */
    public String revision() {
        return revision;
    }

    /** @return whether the failure left the database dirty */
    public boolean isDirty() {
        return dirty;
    }
}
