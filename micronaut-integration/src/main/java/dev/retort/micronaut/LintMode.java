package dev.retort.micronaut;

/** What to do with {@code retort lint}'s findings for the revisions about to be applied at startup. */
public enum LintMode {

    /** Do not lint. */
    OFF,

    /** Log each finding, with what to write instead, as a warning; migrate anyway. */
    WARN,

    /**
     * Do not migrate when a finding is an error: in {@code startup} mode the application does not
     * start; in {@code async} mode the datasource's migration counts as failed and readiness stays DOWN.
     */
    FAIL
}
