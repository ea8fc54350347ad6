package dev.retort;

/** Which revisions {@link Retort#lint} looks at. */
public enum LintScope {
    /** The revisions {@code upgrade heads} would apply: what a deploy is about to run (reads the version table). */
    PENDING,
    /** Every revision, without a database. */
    ALL
}
