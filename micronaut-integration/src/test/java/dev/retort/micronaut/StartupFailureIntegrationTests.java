package dev.retort.micronaut;

import dev.retort.error.MigrationExecutionException;
import dev.retort.test.PostgresDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.InstanceOfAssertFactories.throwable;

/** A migration that fails in {@code startup} mode stops the application with the engine's error. */
class StartupFailureIntegrationTests {

    @RegisterExtension
    static final PostgresDatabase db = new PostgresDatabase();

    @Test
    void aFailingMigrationStopsStartupWithTheRevisionAndSqlState() {
        Map<String, Object> properties = new HashMap<>(TestApplications.datasource("default", db));
        properties.put("retort.datasources.default.locations", "classpath:migrations/broken");

        Throwable failure = catchThrowable(() -> TestApplications.start(properties));

        assertThat(failure).hasMessageContaining("001_insert_into_missing_table").hasMessageContaining("42P01");
        assertThat(failure).extracting(f -> causeOfType(f, MigrationExecutionException.class), as(throwable(
                MigrationExecutionException.class))).satisfies(e -> {
                    assertThat(e.revision()).isEqualTo("001_insert_into_missing_table");
                    assertThat(e.sqlState()).contains("42P01");
                });
        assertThat(db.column("SELECT revision FROM retort_version", String.class))
                .as("the revision before the failing one stays applied").containsExactly("000_create_widgets");
    }

    private static <T extends Throwable> T causeOfType(Throwable failure, Class<T> type) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        throw new AssertionError("no " + type.getSimpleName() + " in the causes of " + failure);
    }
}
