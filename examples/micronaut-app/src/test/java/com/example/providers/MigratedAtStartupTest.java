package com.example.providers;

import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.r2dbc.spi.ConnectionFactories;
import io.r2dbc.spi.ConnectionFactory;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The application starts on a database of its own, and by the time it serves its first request
 * Retort has migrated it: both revisions applied, the tables there.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MigratedAtStartupTest implements TestPropertyProvider {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final String SERVER = System.getenv().getOrDefault("RETORT_TEST_URL", "")
            .isBlank() ? "r2dbc:postgresql://postgres@127.0.0.1:5432/postgres" : System.getenv("RETORT_TEST_URL");
    private final String database = "example_app_" + UUID.randomUUID().toString().substring(0, 8);

    @Inject
    EmbeddedServer server;

    @Inject
    ConnectionFactory connectionFactory;

    @Inject
    @Client("/")
    HttpClient client;

    @Override
    public Map<String, String> getProperties() {
        execute(ConnectionFactories.get(SERVER), "CREATE DATABASE " + database);
        return Map.of("r2dbc.datasources.default.url", SERVER.substring(0, SERVER.lastIndexOf('/') + 1) + database);
    }

    @AfterAll
    void dropDatabase() {
        execute(ConnectionFactories.get(SERVER), "DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
    }

    @Test
    void theDatabaseIsMigratedBeforeTheServerAnswers() {
        assertTrue(server.isRunning());
        HttpClientResponseException notFound = org.junit.jupiter.api.Assertions.assertThrows(
                HttpClientResponseException.class, () -> client.toBlocking().exchange("/nothing-here"));
        assertEquals(404, notFound.getStatus().getCode());

        assertEquals(List.of("001_trucks"), strings("SELECT revision FROM retort_version"));
        assertEquals(List.of("providers", "trucks"), strings("SELECT tablename::text FROM pg_tables"
                + " WHERE schemaname = 'public' AND tablename NOT LIKE 'retort%' ORDER BY 1"));
    }

    private List<String> strings(String sql) {
        return Flux.usingWhen(connectionFactory.create(),
                c -> Flux.from(c.createStatement(sql).execute()).flatMap(r -> r.map((row, meta) -> row.get(0, String.class))),
                c -> c.close()).collectList().block(TIMEOUT);
    }

    private static void execute(ConnectionFactory factory, String sql) {
        Mono.usingWhen(Mono.from(factory.create()), c -> Flux.from(c.createStatement(sql).execute())
                .flatMap(r -> r.getRowsUpdated()).then(), c -> c.close()).block(TIMEOUT);
    }
}
