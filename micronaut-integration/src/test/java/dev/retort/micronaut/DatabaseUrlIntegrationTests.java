package dev.retort.micronaut;

import dev.retort.test.database.PostgresDatabase;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.ApplicationContextBuilder;
import io.micronaut.context.env.Environment;
import io.micronaut.runtime.server.EmbeddedServer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The URLs the seeds' teams have: {@code DATABASE_URL} and the libpq and JDBC forms, which
 * micronaut-r2dbc alone would refuse, reach the datasource converted to R2DBC.
 */
class DatabaseUrlIntegrationTests {

    private static final String HEAD = "002_add_rejection_reason";

    @RegisterExtension
    static final PostgresDatabase db = new PostgresDatabase();

    @BeforeEach
    void freshSchema() {
        db.reset();
    }

    @Test
    void aJdbcUrlInASystemPropertyIsConverted() {
        String property = "r2dbc.datasources.default.url";
        System.setProperty(property, "jdbc:postgresql://127.0.0.1:5432/" + db.name() + "?user=postgres");
        try {
            TestApplications.start(Map.of("spec.name", TestApplications.EXAMPLE)).close();
        } finally {
            System.clearProperty(property);
        }
        assertThat(db.column("SELECT revision::text FROM retort_version", String.class)).containsExactly(HEAD);
    }

    @Test
    void databaseUrlBecomesTheDefaultDatasource() {
        ApplicationContextBuilder builder = ApplicationContext.builder(EmbeddedServer.class)
                .environments(Environment.TEST)
                .properties(Map.of("micronaut.server.port", -1, "spec.name", TestApplications.EXAMPLE));
        new DatabaseUrlConfigurer(Map.of("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/" + db.name()), Map.of())
                .configure(builder);

        try (ApplicationContext context = builder.start()) {
            assertThat(context.getProperty("r2dbc.datasources.default.url", String.class))
                    .contains("r2dbc:postgresql://postgres@127.0.0.1:5432/" + db.name());
        }
        assertThat(db.column("SELECT revision::text FROM retort_version", String.class)).containsExactly(HEAD);
    }
}
