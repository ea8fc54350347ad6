package dev.retort.micronaut;

/** Where this application's migration of one datasource stands. */
public enum MigrationState {
    /** The migration has not finished yet. */
    MIGRATING,
    /** The database is at the configured target. */
    MIGRATED,
    /** The migration failed; {@link DatasourceStatus#error()} says why. */
    FAILED
}
