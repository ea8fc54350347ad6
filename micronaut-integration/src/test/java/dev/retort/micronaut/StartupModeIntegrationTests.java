package dev.retort.micronaut;

import dev.retort.event.MigrationEvent;
import dev.retort.event.RevisionApplied;
import dev.retort.event.RunCompleted;
import dev.retort.event.RunStarted;
import dev.retort.test.database.PostgresDatabase;
import io.micronaut.http.HttpRequest;
import io.micronaut.runtime.server.EmbeddedServer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The example application in the default {@code startup} mode, with no Retort configuration at
 * all: the dependency and the {@code db/migrations} folder are enough.
 */
@ExtendWith(NoBlockingCalls.class)
class StartupModeIntegrationTests {

    @RegisterExtension
    static final PostgresDatabase db = new PostgresDatabase();

    @BeforeEach
    void freshSchema() {
        db.reset();
    }

    @Test
    void theVeryFirstRequestAlreadySeesTheMigratedSchema() {
        try (EmbeddedServer server = TestApplications.startExample(db, Map.of());
                TestClient client = new TestClient(server)) {
            TestClient.Reply created = client.exchange(HttpRequest.POST("/candidates",
                    Map.of("companyName", "Haulage Ltd", "contactEmail", "ops@haulage.example")));

            String listed = client.get("/candidates").body();

            assertThat(created.status()).isEqualTo(201);
            assertThat(created.body()).contains("\"status\":\"pending\"", "\"version\":1");
            assertThat(listed).contains("ops@haulage.example");
        }
    }

    @Test
    void theServerStartsOnlyAfterTheMigrationCompleted() {
        try (EmbeddedServer server = TestApplications.startExample(db, Map.of())) {
            List<String> order = recorder(server).occurrences().stream()
                    .filter(o -> o.event() instanceof RunCompleted || o.datasource().equals(EventRecorder.SERVER))
                    .map(EventRecorder.Occurrence::datasource).toList();

            assertThat(order).containsExactly("default", EventRecorder.SERVER);
        }
    }

    @Test
    void theEnginesEventsArePublishedInOrderOnTheStartingThread() {
        try (EmbeddedServer server = TestApplications.startExample(db, Map.of())) {
            List<MigrationEvent> events = recorder(server).events("default");

            assertThat(events.get(0)).isInstanceOf(RunStarted.class);
            assertThat(events.get(events.size() - 1)).isInstanceOf(RunCompleted.class);
            assertThat(events).filteredOn(RevisionApplied.class::isInstance)
                    .extracting(e -> ((RevisionApplied) e).revision())
                    .containsExactly("000_initial_schema", "001_add_version_column", "002_add_rejection_reason");
            assertThat(recorder(server).occurrences()).filteredOn(o -> o.datasource().equals("default"))
                    .extracting(EventRecorder.Occurrence::thread).containsOnly(Thread.currentThread().getName());
        }
    }

    @Test
    void aRestartWithNothingPendingAppliesNothing() {
        TestApplications.startExample(db, Map.of()).close();

        try (EmbeddedServer server = TestApplications.startExample(db, Map.of())) {
            List<MigrationEvent> events = recorder(server).events("default");

            assertThat(events).last().isInstanceOfSatisfying(RunCompleted.class,
                    completed -> assertThat(completed.applied()).isZero());
            assertThat(db.column("SELECT count(*) FROM retort_history", Long.class)).containsExactly(3L);
        }
    }

    private static EventRecorder recorder(EmbeddedServer server) {
        return server.getApplicationContext().getBean(EventRecorder.class);
    }
}
