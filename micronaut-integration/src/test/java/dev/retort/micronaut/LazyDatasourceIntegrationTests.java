package dev.retort.micronaut;

import dev.retort.test.database.PostgresDatabase;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import io.micronaut.runtime.server.EmbeddedServer;
import io.r2dbc.spi.ConnectionFactories;
import io.r2dbc.spi.ConnectionFactory;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A datasource whose {@link ConnectionFactory} is a lazy singleton that no bean injects is still
 * migrated while the application starts: the pitfall of micronaut-flyway's listener, which only
 * runs when something happens to create the bean.
 */
class LazyDatasourceIntegrationTests {

    static final String SPEC = "LazyDatasourceIntegrationTests";

    @RegisterExtension
    static final PostgresDatabase db = new PostgresDatabase();

    @Test
    void aConfiguredDatasourceNothingInjectsIsMigratedAtStartup() {
        Map<String, Object> properties = new HashMap<>();
        properties.put("spec.name", SPEC);
        properties.put("reports.url", db.url());
        properties.put("retort.datasources.reports.locations", "classpath:migrations/inventory");

        try (EmbeddedServer ignored = TestApplications.start(properties)) {
            assertThat(db.column("SELECT revision FROM retort_version", String.class))
                    .containsExactly("000_create_stock");
        }
    }

    /** An application's own datasource, created only when someone asks for it. */
    @Factory
    @Requires(property = "spec.name", value = SPEC)
    static class ReportsDatasource {

        @Singleton
        @Named("reports")
        ConnectionFactory reports(io.micronaut.context.env.Environment environment) {
            return ConnectionFactories.get(environment.getRequiredProperty("reports.url", String.class));
        }
    }
}
