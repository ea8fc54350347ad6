package dev.retort.micronaut;

/** What to do when a Micronaut Data entity does not match the migrated schema. */
public enum EntityCheckMode {

    /** Do not compare. */
    OFF,

    /** Log each mismatch, with the DDL that would fix it, as a warning; start anyway. */
    WARN,

    /**
     * Stop: in {@code startup} mode the application does not start; in {@code async} mode the
     * datasource's migration counts as failed and readiness stays DOWN.
     */
    FAIL
}
