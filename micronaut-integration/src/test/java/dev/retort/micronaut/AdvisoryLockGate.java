package dev.retort.micronaut;

import dev.retort.test.database.PostgresDatabase;
import io.r2dbc.spi.Connection;
import io.r2dbc.spi.Result;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Duration;

/**
 * Holds a PostgreSQL advisory lock on its own connection, so that a test migration running
 * {@code SELECT pg_advisory_xact_lock(key)} waits until the test opens the gate: the test, not a
 * sleep, decides when the migration ends. For the test thread only.
 */
final class AdvisoryLockGate implements AutoCloseable {

    /** The key {@code migrations/gated/003_wait_for_gate.sql} waits for. */
    static final long KEY = 4242;
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final Connection connection;

    private AdvisoryLockGate(Connection connection) {
        this.connection = connection;
    }

    /**
     * @param db the database the migration runs in
     * @return a closed gate
     */
    static AdvisoryLockGate closed(PostgresDatabase db) {
        AdvisoryLockGate gate = new AdvisoryLockGate(Mono.from(db.connectionFactory().create()).block(TIMEOUT));
        gate.run("SELECT pg_advisory_lock(" + KEY + ")");
        return gate;
    }

    void open() {
        run("SELECT pg_advisory_unlock(" + KEY + ")");
    }

    private void run(String sql) {
        Flux.from(connection.createStatement(sql).execute()).flatMap(Result::getRowsUpdated).blockLast(TIMEOUT);
    }

    @Override
    public void close() {
        Mono.from(connection.close()).block(TIMEOUT);
    }
}
