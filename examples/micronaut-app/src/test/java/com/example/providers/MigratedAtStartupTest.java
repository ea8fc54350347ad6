package com.example.providers;

import dev.retort.test.kit.RetortDatabase;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The application starts on a database of its own (an empty one from Retort's test kit), and by
 * the time it serves its first request Retort has migrated it: the revision applied, the tables
 * there.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MigratedAtStartupTest implements TestPropertyProvider {

    @RegisterExtension
    static final RetortDatabase db = RetortDatabase.empty();

    @Inject
    EmbeddedServer server;

    @Inject
    @Client("/")
    HttpClient client;

    @Override
    public Map<String, String> getProperties() {
        return Map.of("r2dbc.datasources.default.url", db.url());
    }

    @Test
    void theDatabaseIsMigratedBeforeTheServerAnswers() {
        assertTrue(server.isRunning());
        HttpClientResponseException notFound = assertThrows(HttpClientResponseException.class,
                () -> client.toBlocking().exchange("/nothing-here"));
        assertEquals(404, notFound.getStatus().getCode());

        assertEquals(List.of("001_trucks"), db.column("SELECT revision::text FROM retort_version", String.class));
        assertEquals(List.of("providers", "trucks"), db.column("SELECT tablename::text FROM pg_tables"
                + " WHERE schemaname = 'public' AND tablename NOT LIKE 'retort%' ORDER BY 1", String.class));
    }
}
