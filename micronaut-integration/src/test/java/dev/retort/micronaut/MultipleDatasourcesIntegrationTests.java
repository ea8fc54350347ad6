package dev.retort.micronaut;

import dev.retort.test.database.PostgresDatabase;
import io.micronaut.runtime.server.EmbeddedServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Two R2DBC datasources, each migrated from its own locations into its own tables. */
class MultipleDatasourcesIntegrationTests {

    @RegisterExtension
    static final PostgresDatabase orders = new PostgresDatabase();

    @RegisterExtension
    static final PostgresDatabase inventory = new PostgresDatabase();

    @Test
    void eachDatasourceIsMigratedFromItsOwnLocationsIntoItsOwnTables() {
        Map<String, Object> properties = new HashMap<>(TestApplications.datasource("default", orders));
        properties.putAll(TestApplications.datasource("inventory", inventory));
        properties.put("retort.datasources.inventory.locations", "classpath:migrations/inventory");
        properties.put("retort.datasources.inventory.schema", "bookkeeping");
        properties.put("retort.datasources.inventory.table-prefix", "stock_migrations");

        try (EmbeddedServer ignored = TestApplications.start(properties)) {
            assertThat(tables(orders)).contains("public.candidates", "public.retort_version")
                    .doesNotContain("public.stock");
            assertThat(tables(inventory)).contains("public.stock", "bookkeeping.stock_migrations_version")
                    .doesNotContain("public.candidates", "public.retort_version");
            assertThat(orders.column("SELECT revision FROM retort_version", String.class))
                    .containsExactly("002_add_rejection_reason");
            assertThat(inventory.column("SELECT revision FROM bookkeeping.stock_migrations_version", String.class))
                    .containsExactly("000_create_stock");
        }
    }

    private static List<String> tables(PostgresDatabase db) {
        return db.column("SELECT table_schema || '.' || table_name FROM information_schema.tables"
                + " WHERE table_schema IN ('public', 'bookkeeping')", String.class);
    }
}
