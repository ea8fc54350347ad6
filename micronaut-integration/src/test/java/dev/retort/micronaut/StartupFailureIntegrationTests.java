package dev.retort.micronaut;

import dev.retort.error.MigrationExecutionException;
import dev.retort.micronaut.example.ExampleApplication;
import dev.retort.test.database.PostgresDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.InstanceOfAssertFactories.throwable;

/**
 * A migration that fails in {@code startup} mode stops the application with the engine's error,
 * and a process started with {@code Micronaut.run} with exit code 1.
 */
class StartupFailureIntegrationTests {

    @RegisterExtension
    static final PostgresDatabase db = new PostgresDatabase();

    @Test
    void aFailingMigrationStopsStartupWithTheRevisionAndSqlState() {
        db.reset();
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

    @Test
    void aFailingMigrationEndsTheApplicationProcessWithANonZeroExitCode() throws Exception {
        db.reset();
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"),
                "-Dr2dbc.datasources.default.url=" + db.url(),
                "-Dretort.datasources.default.locations=classpath:migrations/broken",
                "-Dmicronaut.server.port=-1",
                ExampleApplication.class.getName()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("the process ended").isTrue();
        assertThat(process.exitValue()).as(output).isEqualTo(1);
        assertThat(output).contains("Migrating datasource 'default' failed", "001_insert_into_missing_table",
                "42P01");
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
