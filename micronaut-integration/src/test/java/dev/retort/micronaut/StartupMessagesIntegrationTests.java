package dev.retort.micronaut;

import dev.retort.MigrationSources;
import dev.retort.Retort;
import dev.retort.test.database.PostgresDatabase;
import io.micronaut.runtime.server.EmbeddedServer;
import io.r2dbc.spi.Connection;
import io.r2dbc.spi.Result;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * What the module says where a user needs a word: no datasource found, an applied file edited
 * since (and {@code validate-on-migrate} refusing it), and a wait for another instance's lock.
 */
class StartupMessagesIntegrationTests {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    @RegisterExtension
    static final PostgresDatabase db = new PostgresDatabase();

    @RegisterExtension
    final LogCapture log = new LogCapture();

    @BeforeEach
    void freshSchema() {
        db.reset();
    }

    @Test
    void anApplicationWithoutAnyDatasourceIsWarned() {
        TestApplications.start(Map.of()).close();

        assertThat(log.lines()).anyMatch(line -> line.startsWith("WARN Retort found no R2DBC datasource to migrate:"
                + " it looked for r2dbc.datasources.default"));
    }

    @Test
    void anAppliedFileEditedSinceIsWarnedOfAndRefusedWithValidateOnMigrate() throws InterruptedException {
        TestApplications.startExample(db, Map.of("retort.datasources.default.target", "001_add_version_column")).close();
        db.execute("UPDATE retort_history SET checksum = 'sha256:0' WHERE revision = '000_initial_schema'");

        try (EmbeddedServer server = TestApplications.startExample(db, Map.of("retort.datasources.default.target",
                "001_add_version_column"))) {
            // Looked for in the background after the migration: wait for it.
            long deadline = System.nanoTime() + TIMEOUT.toNanos();
            while (log.lines().stream().noneMatch(line -> line.contains("does not match its migration files"))
                    && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
        }
        assertThat(log.lines()).anyMatch(line -> line.startsWith("WARN Datasource 'default' does not match its"
                + " migration files; set validate-on-migrate: true") && line.contains("000_initial_schema.sql changed"));

        Throwable refused = catchThrowable(() -> TestApplications.startExample(db,
                Map.of("retort.datasources.default.validate-on-migrate", true)).close());
        assertThat(refused).hasMessageContaining("Datasource 'default' was not migrated (validate-on-migrate: true)")
                .hasMessageContaining("000_initial_schema.sql changed after it was applied");
        assertThat(db.column("SELECT revision FROM retort_version", String.class))
                .as("nothing ran").containsExactly("001_add_version_column");
    }

    @Test
    void waitingForAnotherInstancesLockIsSaidWhenItStartsAndHowLongItTook() throws Exception {
        long key = Retort.builder(db.connectionFactory()).migrations(MigrationSources.of(List.of()))
                .build().lockKey();
        Connection other = Mono.from(db.connectionFactory().create()).block(TIMEOUT);
        try {
            execute(other, "SELECT pg_advisory_lock(" + key + ")");
            try (EmbeddedServer server = TestApplications.startExample(db, Map.of("retort.datasources.default.mode",
                    "async"))) {
                Thread.sleep(1_500);
                assertThat(log.lines()).anyMatch(line -> line.startsWith("INFO Datasource 'default': waiting for the"
                        + " migration lock, which another instance holds while it migrates"));
                execute(other, "SELECT pg_advisory_unlock(" + key + ")");
                DatasourceMigrations migrations = server.getApplicationContext().getBean(DatasourceMigrations.class);
                long deadline = System.nanoTime() + TIMEOUT.toNanos();
                while (!migrations.allMigrated() && System.nanoTime() < deadline) {
                    Thread.sleep(50);
                }
                assertThat(log.lines()).anyMatch(line -> line.matches("INFO Datasource 'default': took the migration"
                        + " lock after waiting \\d+ ms for another instance"));
            }
        } finally {
            Mono.from(other.close()).block(TIMEOUT);
        }
    }

    private static void execute(Connection connection, String sql) {
        Flux.from(connection.createStatement(sql).execute()).flatMap(Result::getRowsUpdated).blockLast(TIMEOUT);
    }
}
