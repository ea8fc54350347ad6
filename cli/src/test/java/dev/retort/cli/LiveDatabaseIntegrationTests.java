package dev.retort.cli;

import dev.retort.test.database.PostgresDatabase;
import io.r2dbc.spi.Connection;
import io.r2dbc.spi.Result;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static dev.retort.cli.RunAssert.assertThatRun;
import static org.assertj.core.api.Assertions.assertThat;

/** Running migrations safely on a live database: session settings and lock-timeout retries from the command line. */
class LiveDatabaseIntegrationTests {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    @RegisterExtension
    static final PostgresDatabase db = new PostgresDatabase();

    @RegisterExtension
    final ExampleProject project = ExampleProject.on(db);

    @Test
    void aRevisionBehindALongTransactionIsRetriedAndSaysSo() throws Exception {
        assertThatRun(project.run("-q", "upgrade", "head")).succeeded();
        Files.writeString(project.migrations().resolve("003_nickname.sql"), "-- revises: " + Examples.HEAD + "\n"
                + "-- +upgrade\nALTER TABLE candidates ADD COLUMN nickname text;\n"
                + "-- +downgrade\nALTER TABLE candidates DROP COLUMN nickname;\n");
        Connection reader = Mono.from(db.connectionFactory().create()).block(TIMEOUT);
        try {
            execute(reader, "BEGIN; SELECT count(*) FROM candidates").block(TIMEOUT);
            CompletableFuture<RetortCli.Run> upgrade = CompletableFuture.supplyAsync(
                    () -> project.run("upgrade", "--set", "lock_timeout=300ms", "--lock-retries", "5"));
            Thread.sleep(2_000);
            execute(reader, "COMMIT").block(TIMEOUT);

            assertThatRun(upgrade.get(60, TimeUnit.SECONDS)).succeeded()
                    .printed("retry 003_nickname in 1.0 s (1 of 5): canceling statement due to lock timeout");
        } finally {
            Mono.from(reader.close()).block(TIMEOUT);
        }
        assertThat(DatabaseReadings.versions(db)).containsExactly("003_nickname");
    }

    @Test
    void aSettingTheServerRefusesIsAUsageErrorAndNothingRuns() {
        assertThatRun(project.run("upgrade", "--set", "statement_timeout=5 parsecs")).exitedWith(2)
                .complained("The server refused the session settings").complained("statement_timeout");
        assertThatRun(project.run("upgrade", "--lock-retries", "many")).exitedWith(2).complained("not a count");
        assertThat(db.column("SELECT count(*) FROM pg_tables WHERE schemaname = 'public'", Long.class))
                .as("nothing ran").containsExactly(0L);
    }

    @Test
    void theOfflineScriptCarriesTheSettings() {
        assertThatRun(project.run("upgrade", "base:head", "--sql", "--set", "lock_timeout=5s")).succeeded()
                .printed("SELECT pg_catalog.set_config('lock_timeout', '5s', true);");
    }

    @Test
    void lintFindsWhatWouldLockTheLiveTablesInThePendingRevisions() {
        assertThatRun(project.run("-q", "upgrade", "000_initial_schema")).succeeded();

        assertThatRun(project.run("lint")).exitedWith(1)
                .printed("migrations/001_add_version_column.sql:11  index-not-concurrent  error  CREATE INDEX on"
                        + " candidates, which exists already")
                .printed("migrations/001_add_version_column.sql:9  missing-lock-timeout  warning")
                .printed("Linted 2 pending revisions: 1 error, 2 warnings.");
        assertThat(project.run("lint", "--json").json().get("findings")).extracting(f -> f.get("rule").asText())
                .containsExactly("missing-lock-timeout", "index-not-concurrent", "missing-lock-timeout");
        assertThatRun(project.run("lint", "--lint-ignore", "index-not-concurrent,missing-lock-timeout")).succeeded()
                .printed("No findings in 2 pending revisions.");
        assertThatRun(project.run("lint", "--lint-ignore", "index-not-concurent")).exitedWith(2)
                .complained("index-not-concurent").complained("index-not-concurrent");
    }

    @Test
    void lintWithoutADatabaseLooksAtEveryRevision() {
        assertThatRun(project.run("lint", "--url", "r2dbc:postgresql://postgres@127.0.0.1:1/none")).exitedWith(1)
                .printed("No database answered").printed("Linted 3 revisions");
        assertThatRun(project.run("lint", "--all")).exitedWith(1).printed("Linted 3 revisions");
    }

    private static Mono<Void> execute(Connection connection, String sql) {
        return Flux.from(connection.createStatement(sql).execute()).flatMap(Result::getRowsUpdated).then();
    }
}
