package dev.retort;

/** What a run does to the database, as recorded in the history table's {@code operation} column. */
public enum Operation {
    /** Applies revisions' upgrade sections. */
    UPGRADE,
    /** Applies revisions' downgrade sections. */
    DOWNGRADE,
    /** Rewrites the version table without running any migration. */
    STAMP;

    /** @return the lower-case name stored in the history table */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
