package dev.retort.micronaut;

import dev.retort.test.database.PostgresDatabase;
import io.micronaut.runtime.server.EmbeddedServer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code GET /retort}: heads, pending revisions, problems and recent history per datasource. */
@ExtendWith(NoBlockingCalls.class)
class EndpointIntegrationTests {

    @RegisterExtension
    static final PostgresDatabase db = new PostgresDatabase();

    @BeforeEach
    void freshSchema() {
        db.reset();
    }

    @Test
    void theReportShowsTheHeadsAndTheHistoryNewestFirst() {
        DatasourceReport report = reportAfterStarting(Map.of());

        assertThat(report.datasource()).isEqualTo("default");
        assertThat(report.status().state()).isEqualTo(MigrationState.MIGRATED);
        assertThat(report.heads()).containsExactly("002_add_rejection_reason");
        assertThat(report.fileHeads()).containsExactly("002_add_rejection_reason");
        assertThat(report.needsUpgrade()).isFalse();
        assertThat(report.pending()).isEmpty();
        assertThat(report.problems()).isEmpty();
        assertThat(report.history()).extracting(HistoryRow::revision)
                .containsExactly("002_add_rejection_reason", "001_add_version_column", "000_initial_schema");
        assertThat(report.history()).allSatisfy(row -> {
            assertThat(row.operation()).isEqualTo("upgrade");
            assertThat(row.success()).isTrue();
            assertThat(row.checksum()).startsWith("sha256:");
            assertThat(row.appliedAt()).isNotNull();
        });
    }

    @Test
    void theJsonNamesEveryFieldEvenWhenEmptyOrNull() {
        try (EmbeddedServer server = TestApplications.startExample(db, Map.of());
                TestClient client = new TestClient(server)) {
            String json = client.get("/retort").body();

            assertThat(json).contains("\"datasources\":[{\"datasource\":\"default\"",
                    "\"status\":{\"state\":\"MIGRATED\",\"error\":null}", "\"heads\":[\"002_add_rejection_reason\"]",
                    "\"pending\":[]", "\"problems\":[]", "\"error\":null", "\"operation\":\"upgrade\"",
                    "\"appliedBy\":\"postgres\"");
        }
    }

    @Test
    void revisionsBeyondTheTargetAreReportedAsPending() {
        DatasourceReport report = reportAfterStarting(Map.of("retort.datasources.default.target",
                "001_add_version_column"));

        assertThat(report.heads()).containsExactly("001_add_version_column");
        assertThat(report.pending()).containsExactly("002_add_rejection_reason");
        assertThat(report.fileHeads()).containsExactly("002_add_rejection_reason");
        assertThat(report.needsUpgrade()).isTrue();
    }

    @Test
    void aFileEditedAfterItWasAppliedIsReportedAsAProblem() {
        TestApplications.startExample(db, Map.of()).close();
        db.execute("UPDATE retort_history SET checksum = 'sha256:0' WHERE revision = '000_initial_schema'");

        DatasourceReport report = reportAfterStarting(Map.of());

        assertThat(report.problems()).singleElement().asString().contains("000_initial_schema");
    }

    @Test
    void theReportSaysWhetherTheSchemaDriftedFromTheMigrations() {
        assertThat(reportAfterStarting(Map.of()).drift()).isEqualTo(new DriftReport(true, false, java.util.List.of(), null));
        db.execute("ALTER TABLE candidates ADD COLUMN nickname text");

        assertThat(reportAfterStarting(Map.of()).drift().changes())
                .containsExactly("column candidates.nickname: in the database, not in the migrations");
        assertThat(db.column("SELECT datname::text FROM pg_database WHERE datname LIKE 'retort\\_shadow\\_%'",
                String.class)).as("no shadow database survives").isEmpty();
    }

    private static DatasourceReport reportAfterStarting(Map<String, Object> properties) {
        try (EmbeddedServer server = TestApplications.startExample(db, properties);
                TestClient client = new TestClient(server)) {
            RetortReport report = client.json("/retort", RetortReport.class);
            assertThat(report.datasources()).hasSize(1);
            return report.datasources().get(0);
        }
    }
}
