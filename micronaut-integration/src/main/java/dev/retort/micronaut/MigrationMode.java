package dev.retort.micronaut;

/** When a datasource is migrated relative to the application accepting traffic. */
public enum MigrationMode {

    /**
     * Migrate while the application starts, before the HTTP server binds its port: no request can
     * see an unmigrated database, and a failed migration stops the application.
     */
    STARTUP,

    /**
     * Start the application at once and migrate in the background without blocking a thread: the
     * {@code retort} health indicator (and so {@code /health/readiness}) reports DOWN, and other
     * requests get 503, until the migration has finished.
     */
    ASYNC
}
