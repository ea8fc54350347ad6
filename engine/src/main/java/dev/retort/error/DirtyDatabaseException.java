package dev.retort.error;

/**
 * A non-transactional revision failed midway earlier, so the schema may be between two
 * revisions. Every run refuses until a human repairs it and records the real state with
 * {@code stamp}.
 */
public final class DirtyDatabaseException extends RetortException {

    private final String revision;

    /**
     * @param revision  the revision that failed
     * @param operation what it was doing ({@code upgrade} or {@code downgrade})
     */
    public DirtyDatabaseException(String revision, String operation) {
        super(ErrorCode.DIRTY_DATABASE, "The database is dirty: the " + operation + " of non-transactional revision "
                + revision + " failed midway, so some of its statements may be applied. Inspect the schema, finish or"
                + " undo that revision's statements by hand, then run 'retort stamp <revision>' with the revision the"
                + " database is really at; that clears the dirty mark.");
        this.revision = revision;
    }

    /** @return the revision whose failure made the database dirty */
    public String revision() {
        return revision;
    }
}
