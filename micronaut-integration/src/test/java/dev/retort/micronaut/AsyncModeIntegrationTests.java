package dev.retort.micronaut;

import dev.retort.event.RunCompleted;
import dev.retort.event.RunStarted;
import dev.retort.test.database.PostgresDatabase;
import io.micronaut.http.HttpHeaders;
import io.micronaut.runtime.server.EmbeddedServer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code async} mode: the server starts at once, readiness is DOWN and other requests get 503
 * while migrations run, and no thread blocks.
 */
@ExtendWith(NoBlockingCalls.class)
class AsyncModeIntegrationTests {

    @RegisterExtension
    static final PostgresDatabase db = new PostgresDatabase();

    private static final Duration DEADLINE = Duration.ofSeconds(30);
    private static final Duration POLL_INTERVAL = Duration.ofMillis(50);

    @BeforeEach
    void freshSchema() {
        db.reset();
    }

    @Test
    void readinessIsDownAndRequestsGet503WithRetryAfterUntilTheMigrationFinishes() {
        try (AdvisoryLockGate gate = AdvisoryLockGate.closed(db);
                EmbeddedServer server = startAsync("classpath:db/migrations, classpath:migrations/gated");
                TestClient client = new TestClient(server)) {
            TestClient.Reply readiness = client.get("/health/readiness");
            TestClient.Reply candidates = client.get("/candidates");

            assertThat(readiness.status()).isEqualTo(503);
            assertThat(readiness.body()).contains("\"retort\"", "MIGRATING");
            assertThat(candidates.status()).isEqualTo(503);
            assertThat(candidates.headers().get(HttpHeaders.RETRY_AFTER)).isEqualTo("5");
            assertThat(client.get("/retort").status()).as("management endpoints stay reachable").isEqualTo(200);

            gate.open();

            assertThat(await(client, "/health/readiness", reply -> reply.status() == 200).body()).contains("UP");
            assertThat(client.get("/candidates").status()).isEqualTo(200);
        }
    }

    @Test
    void aFailedMigrationKeepsReadinessDownAndRequestsGet503WithoutRetryAfter() {
        try (EmbeddedServer server = startAsync("classpath:migrations/broken");
                TestClient client = new TestClient(server)) {
            TestClient.Reply readiness = await(client, "/health/readiness", reply -> reply.body().contains("FAILED"));
            TestClient.Reply other = client.get("/candidates");

            assertThat(readiness.status()).isEqualTo(503);
            assertThat(readiness.body()).contains("001_insert_into_missing_table", "42P01");
            assertThat(other.status()).isEqualTo(503);
            assertThat(other.headers().contains(HttpHeaders.RETRY_AFTER)).isFalse();
        }
    }

    @Test
    void eventsArriveInOrderOnAWorkerThreadNotAnEventLoop() {
        try (EmbeddedServer server = startAsync("classpath:db/migrations");
                TestClient client = new TestClient(server)) {
            await(client, "/health/readiness", reply -> reply.status() == 200);
            EventRecorder recorder = server.getApplicationContext().getBean(EventRecorder.class);

            assertThat(recorder.events("default")).first().isInstanceOf(RunStarted.class);
            assertThat(recorder.events("default")).last().isInstanceOf(RunCompleted.class);
            assertThat(recorder.occurrences()).filteredOn(o -> o.datasource().equals("default"))
                    .extracting(EventRecorder.Occurrence::thread).allMatch(t -> t.startsWith("boundedElastic-"));
        }
    }

    private static EmbeddedServer startAsync(String locations) {
        return TestApplications.startExample(db, Map.of("retort.datasources.default.mode", "async",
                "retort.datasources.default.locations", locations));
    }

    /** Polls until the reply satisfies the condition, failing with the last reply at the deadline. */
    private static TestClient.Reply await(TestClient client, String path, Predicate<TestClient.Reply> condition) {
        Instant deadline = Instant.now().plus(DEADLINE);
        TestClient.Reply reply = client.get(path);
        while (!condition.test(reply)) {
            assertThat(Instant.now()).as("waiting for %s, last reply %s", path, reply).isBefore(deadline);
            pause();
            reply = client.get(path);
        }
        return reply;
    }

    private static void pause() {
        try {
            Thread.sleep(POLL_INTERVAL.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
