package dev.retort.micronaut;

import dev.retort.test.database.PostgresDatabase;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.env.Environment;
import io.micronaut.runtime.server.EmbeddedServer;

import java.util.HashMap;
import java.util.Map;

/** Starts real Micronaut applications, each on a random port and pointed at a test's databases. */
final class TestApplications {

    /** The spec of the example application in {@code dev.retort.micronaut.example}. */
    static final String EXAMPLE = "example";

    private static final Map<String, Object> COMMON = Map.of(
            "micronaut.server.port", -1,
            "endpoints.health.details-visible", "ANONYMOUS",
            "endpoints.retort.sensitive", false);

    private TestApplications() {
    }

    /**
     * @param db the database of the {@code default} datasource
     * @param properties more properties, which win over the common ones
     * @return the example application, started
     */
    static EmbeddedServer startExample(PostgresDatabase db, Map<String, Object> properties) {
        Map<String, Object> all = new HashMap<>(datasource("default", db));
        all.put("spec.name", EXAMPLE);
        all.putAll(properties);
        return start(all);
    }

    /**
     * @param properties the application's properties, which win over the common ones
     * @return the application, started
     */
    static EmbeddedServer start(Map<String, Object> properties) {
        Map<String, Object> all = new HashMap<>(COMMON);
        all.putAll(properties);
        return ApplicationContext.run(EmbeddedServer.class, all, Environment.TEST);
    }

    /**
     * @param name the datasource's name
     * @param db   its database
     * @return the property that declares it
     */
    static Map<String, Object> datasource(String name, PostgresDatabase db) {
        return Map.of("r2dbc.datasources." + name + ".url", db.url());
    }
}
