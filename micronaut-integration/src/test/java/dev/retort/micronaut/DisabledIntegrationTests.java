package dev.retort.micronaut;

import dev.retort.test.database.PostgresDatabase;
import io.micronaut.runtime.server.EmbeddedServer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code enabled: false}, for the whole module or one datasource, migrates nothing. */
class DisabledIntegrationTests {

    @RegisterExtension
    static final PostgresDatabase db = new PostgresDatabase();

    @BeforeEach
    void freshSchema() {
        db.reset();
    }

    @Test
    void retortEnabledFalseMigratesNothingAndServesNoEndpoint() {
        try (EmbeddedServer server = TestApplications.startExample(db, Map.of("retort.enabled", false));
                TestClient client = new TestClient(server)) {
            assertThat(client.get("/retort").status()).isEqualTo(404);
            assertThat(server.getApplicationContext().containsBean(DatasourceMigrations.class)).isFalse();
        }
        assertThat(tables()).isEmpty();
    }

    @Test
    void aDatasourceWithEnabledFalseIsNotMigrated() {
        try (EmbeddedServer server = TestApplications.startExample(db,
                Map.of("retort.datasources.default.enabled", false));
                TestClient client = new TestClient(server)) {
            assertThat(client.json("/retort", RetortReport.class).datasources()).isEmpty();
        }
        assertThat(tables()).isEmpty();
    }

    private static List<String> tables() {
        return db.column("SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'",
                String.class);
    }
}
