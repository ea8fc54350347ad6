package dev.retort.micronaut;

import dev.retort.test.database.PostgresDatabase;
import io.micronaut.runtime.server.EmbeddedServer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/** A datasource whose tenants are schemas: each migrated on its own, a failed one named, the rest up to date. */
class TenantSchemasIntegrationTests {

    @RegisterExtension
    static final PostgresDatabase db = new PostgresDatabase();

    @BeforeEach
    void threeTenantSchemas() {
        db.reset();
        db.execute("CREATE SCHEMA tenant_a; CREATE SCHEMA tenant_b; CREATE SCHEMA tenant_c");
    }

    @Test
    void everyMatchingSchemaIsMigratedAndTheEndpointListsThem() {
        try (EmbeddedServer server = TestApplications.startExample(db, Map.of(
                "retort.datasources.default.schema-pattern", "tenant_%", "retort.datasources.default.parallel", 2));
                TestClient client = new TestClient(server)) {
            DatasourceReport report = client.json("/retort", RetortReport.class).datasources().get(0);

            assertThat(report.tenants()).extracting(t -> t.tenant() + " " + t.outcome() + " " + t.heads())
                    .containsExactly("tenant_a SUCCEEDED [002_add_rejection_reason]",
                            "tenant_b SUCCEEDED [002_add_rejection_reason]", "tenant_c SUCCEEDED [002_add_rejection_reason]");
        }
        assertThat(candidateTables()).containsExactly("tenant_a", "tenant_b", "tenant_c");
    }

    @Test
    void aFailingTenantStopsStartupNamingItAndTheOthersAreStillMigrated() {
        db.execute("CREATE TABLE tenant_b.candidates (id int)");

        Throwable failed = catchThrowable(() -> TestApplications.startExample(db,
                Map.of("retort.datasources.default.schemas", List.of("tenant_a", "tenant_b", "tenant_c"))).close());

        assertThat(failed).hasMessageContaining("Datasource 'default': 1 of 3 tenants failed")
                .hasMessageContaining("tenant_b: ");
        assertThat(db.column("SELECT table_schema::text FROM information_schema.tables WHERE table_name = 'retort_version'"
                + " ORDER BY 1", String.class)).containsExactly("tenant_a", "tenant_c");
    }

    private List<String> candidateTables() {
        return db.column("SELECT table_schema::text FROM information_schema.columns WHERE table_name = 'candidates'"
                + " AND column_name = 'rejection_reason' ORDER BY 1", String.class);
    }
}
