package dev.retort.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.retort.test.PostgresDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static dev.retort.cli.RunAssert.assertThatRun;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code upgrade} and {@code downgrade} against a real database, each test from an empty schema. */
class MigrateIT {

    @RegisterExtension
    static final PostgresDatabase db = new PostgresDatabase();

    @TempDir
    Path workingDirectory;

    private Path migrations;
    private RetortCli retort;

    @BeforeEach
    void emptyDatabaseAndExampleFiles() {
        Workspace workspace = Workspace.withExamples(db, workingDirectory);
        migrations = workspace.migrations();
        retort = workspace.retort();
    }

    private List<String> columns() {
        return db.column("SELECT column_name FROM information_schema.columns WHERE table_name = 'candidates'",
                String.class);
    }

    @Nested
    class Upgrade {

        @Test
        void toARevisionStopsThere() {
            assertThatRun(retort.run("upgrade", "001_add")).succeeded().printed("upgrade 001_add_version_column");

            assertThat(SchemaSnapshot.versions(db)).containsExactly("001_add_version_column");
            assertThat(columns()).contains("version").doesNotContain("rejection_reason");
        }

        @Test
        void relativeStepsApplyOneRevisionAtATime() {
            assertThatRun(retort.run("upgrade", "+1")).succeeded();
            assertThatRun(retort.run("upgrade", "+1")).succeeded();

            assertThat(SchemaSnapshot.versions(db)).containsExactly("001_add_version_column");
        }

        @Test
        void quietPrintsNothingButStillApplies() {
            RetortCli.Run run = retort.run("-q", "upgrade");

            assertThatRun(run).succeeded();
            assertThat(run.everything()).isEmpty();
            assertThat(SchemaSnapshot.versions(db)).containsExactly(Examples.HEAD);
        }

        @Test
        void verbosePrintsEveryStatementWithItsLine() {
            assertThatRun(retort.run("upgrade", "--verbose")).succeeded()
                    .printed("    line 7: 0 rows (");
        }

        @Test
        void jsonPrintsEachEventAsOneParseableLine() {
            RetortCli.Run run = retort.run("upgrade", "--json");

            assertThatRun(run).succeeded();
            List<JsonNode> events = run.jsonLines();
            assertThat(events).extracting(event -> event.get("event").asText())
                    .startsWith("runStarted", "lockAcquired", "runPlanned", "revisionStarted", "statementExecuted")
                    .endsWith("revisionApplied", "runCompleted")
                    .filteredOn("revisionApplied"::equals).hasSize(3);
            JsonNode completed = events.get(events.size() - 1);
            assertThat(completed.get("heads").get(0).asText()).isEqualTo(Examples.HEAD);
            assertThat(completed.get("applied").asInt()).isEqualTo(3);
            assertThat(completed.get("durationMs").isIntegralNumber()).isTrue();
        }

        @Test
        void aFailingStatementExitsOneNamingFileLineAndSqlstateAndRollsBack() {
            assertThatRun(retort.run("-q", "upgrade")).succeeded();
            Examples.write(migrations, "003_broken", Examples.HEAD,
                    "ALTER TABLE candidates ADD COLUMN notes TEXT;\nALTER TABLE no_such_table ADD COLUMN x INT;", "");

            RetortCli.Run run = retort.run("upgrade");

            assertThatRun(run).exitedWith(1).hasNoStackTrace()
                    .complained("migrations/003_broken.sql:7")
                    .complained("SQLSTATE 42P01")
                    .complained("relation \"no_such_table\" does not exist")
                    .complained("rolled back");
            assertThat(SchemaSnapshot.versions(db)).containsExactly(Examples.HEAD);
            assertThat(columns()).doesNotContain("notes");
        }

        @Test
        void aFailureShowsTheStackTraceOnlyWithVerbose() {
            Examples.write(migrations, "003_broken", Examples.HEAD, "SELECT 1/0;", "");

            assertThatRun(retort.run("upgrade", "--verbose")).exitedWith(1).complained("SQLSTATE 22012")
                    .complained("\tat ");
        }

        @Test
        void anUnknownTargetExitsTwoAndChangesNothing() {
            assertThatRun(retort.run("upgrade", "no_such_revision")).exitedWith(2).complained("no_such_revision")
                    .hasNoStackTrace();

            assertThat(db.scalar("SELECT to_regclass('retort_version') IS NULL")).isEqualTo(true);
        }
    }

    @Nested
    class Concurrency {

        @Test
        void aRunThatCannotTakeTheLockInTimeExitsThreeAndChangesNothing() throws Exception {
            Examples.write(migrations, "003_slow", Examples.HEAD, "SELECT pg_sleep(4);", "");
            CompletableFuture<RetortCli.Run> slow = CompletableFuture.supplyAsync(() -> retort.run("-q", "upgrade"));
            awaitAdvisoryLock();

            RetortCli.Run blocked = retort.run("upgrade", "--lock-timeout", "1s");

            assertThatRun(blocked).exitedWith(3).hasNoStackTrace().complained("Could not acquire the migration lock")
                    .neverShowed("upgrade 000_initial_schema");
            assertThatRun(slow.get(60, TimeUnit.SECONDS)).succeeded();
            assertThat(SchemaSnapshot.history(db)).hasSize(4);
        }

        private void awaitAdvisoryLock() throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (((Number) db.scalar("SELECT count(*) FROM pg_locks WHERE locktype = 'advisory'"
                    + " AND database = (SELECT oid FROM pg_database WHERE datname = current_database())")).longValue() == 0) {
                assertThat(System.nanoTime()).as("the first run never took the lock").isLessThan(deadline);
                Thread.sleep(50);
            }
        }
    }

    @Nested
    class Downgrade {

        @BeforeEach
        void upgradeToHead() {
            assertThatRun(retort.run("-q", "upgrade")).succeeded();
        }

        @Test
        void minusOneRevertsTheLastRevision() {
            assertThatRun(retort.run("downgrade", "-1")).succeeded()
                    .printed("  downgrade 002_add_rejection_reason  Add rejection reason for the audit trail (");

            assertThat(SchemaSnapshot.versions(db)).containsExactly("001_add_version_column");
            assertThat(columns()).doesNotContain("rejection_reason");
        }

        @Test
        void baseRevertsEverything() {
            assertThatRun(retort.run("downgrade", "base")).succeeded().printed("the database is at base.");

            assertThat(SchemaSnapshot.versions(db)).isEmpty();
            assertThat(db.scalar("SELECT to_regclass('candidates') IS NULL")).isEqualTo(true);
            assertThat(SchemaSnapshot.history(db)).endsWith("002_add_rejection_reason downgrade true",
                    "001_add_version_column downgrade true", "000_initial_schema downgrade true");
        }

        @Test
        void withoutATargetIsAUsageError() {
            assertThatRun(retort.run("downgrade")).exitedWith(2).complained("TARGET");
        }
    }
}
