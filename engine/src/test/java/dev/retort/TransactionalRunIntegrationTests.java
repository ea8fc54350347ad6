package dev.retort;

import dev.retort.error.ErrorCode;
import dev.retort.error.MigrationExecutionException;
import dev.retort.error.RetortException;
import dev.retort.error.TargetException;
import dev.retort.error.VersionTableChangedException;
import dev.retort.event.MigrationEvent;
import dev.retort.event.RevisionStarted;
import dev.retort.event.StatementExecuted;
import dev.retort.test.MigrationFiles;
import dev.retort.test.database.PostgresDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.core.publisher.Hooks;
import reactor.test.StepVerifier;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static dev.retort.test.Patience.PATIENCE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/** Upgrades and downgrades run revision by revision, each in one transaction with its bookkeeping. */
class TransactionalRunIntegrationTests {

    @RegisterExtension
    static final PostgresDatabase db = new PostgresDatabase();

    @RegisterExtension
    final MigrationWorkspace workspace = new MigrationWorkspace(db);

    MigrationFiles files;

    @BeforeEach
    void files() {
        files = workspace.files();
    }

    Retort retort() {
        return workspace.retort();
    }

    List<String> tables() {
        return workspace.tables();
    }

    /** Runs an upgrade that must fail on one of a migration's statements, and returns that failure. */
    MigrationExecutionException failedUpgrade() {
        Throwable error = catchThrowable(() -> retort().upgrade(Target.HEADS).blockLast(PATIENCE));
        assertThat(error).isInstanceOf(MigrationExecutionException.class);
        return (MigrationExecutionException) error;
    }

    @Nested
    class AFailingStatement {

        @BeforeEach
        void twoRevisionsTheSecondBroken() {
            files.revision("a1", null, "CREATE TABLE t_a (id int);", "DROP TABLE t_a;")
                    .revision("b2", "a1", """
                            CREATE TABLE first_table (id int);
                            CREATE TABLE broken (
                                id int,
                                name no_such_type
                            );""", "DROP TABLE first_table;");
        }

        @Test
        void leavesNoTraceOfItsRevisionsEarlierStatements() {
            retort().upgrade(Target.HEADS).as(StepVerifier::create)
                    .thenConsumeWhile(e -> true)
                    .verifyError(MigrationExecutionException.class);

            assertThat(tables()).contains("t_a").doesNotContain("first_table", "broken");
            assertThat(retort().current().block(PATIENCE)).containsExactly("a1");
            assertThat(db.column("SELECT revision::text FROM retort_history", String.class)).containsExactly("a1");
        }

        @Test
        void reportsItsErrorOnceWithNothingDropped() {
            List<Throwable> dropped = new CopyOnWriteArrayList<>();
            Hooks.onErrorDropped(dropped::add);
            try {
                assertThat(failedUpgrade()).isNotNull();
            } finally {
                Hooks.resetOnErrorDropped();
            }
            assertThat(dropped).as("errors Reactor dropped, which it logs with a stack trace").isEmpty();
        }

        @Test
        void reportsRevisionFileLineSqlStateAndServerMessage() {
            MigrationExecutionException failure = failedUpgrade();
            assertThat(failure.code()).isEqualTo(ErrorCode.MIGRATION_FAILED);
            assertThat(failure.revision()).isEqualTo("b2");
            assertThat(failure.file()).endsWith("b2.sql");
            // line 9: header (3 lines), blank, marker, first statement, then the broken one's 3rd line
            assertThat(failure.line()).isEqualTo(9);
            assertThat(failure.sqlState()).contains("42704");
            assertThat(failure.serverMessage()).contains("no_such_type");
            assertThat(failure.getMessage()).contains("b2.sql:9", "SQLSTATE 42704", "rolled back");
        }
    }

    /** A revision's statements travel to the server in batches; each still counts on its own. */
    @Nested
    class Batches {

        @Test
        void aStatementEndingInALineCommentDoesNotSwallowTheNextOne() {
            files.revision("a1", null, "CREATE TABLE c1 (id int) -- the first\n;\nCREATE TABLE c2 (id int);", null);

            retort().upgrade(Target.HEADS).blockLast(PATIENCE);

            assertThat(tables()).contains("c1", "c2");
        }

        @Test
        void aSyntaxErrorInALaterStatementIsReportedAtItsLineAndNothingRuns() {
            files.revision("a1", null, "CREATE TABLE s1 (id int);\nCREATE TABLE s2 (id int);\nCREATE TABEL s3 (id int);",
                    null);

            MigrationExecutionException failure = failedUpgrade();
            assertThat(failure.line()).isEqualTo(7);
            assertThat(failure.statement()).startsWith("CREATE TABEL s3");
            assertThat(tables()).doesNotContain("s1", "s2", "s3");
            assertThat(retort().current().block(PATIENCE)).isEmpty();
        }

        @Test
        void anErrorWithoutAPositionIsReportedAtTheStatementThatFailed() {
            files.revision("a1", null, "CREATE TABLE d1 (id int);\nINSERT INTO d1 VALUES (1 / 0);\n"
                    + "CREATE TABLE d2 (id int);", null);

            MigrationExecutionException failure = failedUpgrade();
            assertThat(failure.sqlState()).contains("22012");
            assertThat(failure.line()).isEqualTo(6);
            assertThat(failure.statement()).startsWith("INSERT INTO d1");
            assertThat(tables()).doesNotContain("d1", "d2");
        }

        @Test
        void theHistoryRecordsTheRevisionsDurationAsTheServerMeasuredIt() {
            files.revision("a1", null, "CREATE TABLE slow (id int);\nSELECT pg_sleep(0.2);", null);

            retort().upgrade(Target.HEADS).blockLast(PATIENCE);

            assertThat(db.column("SELECT duration_ms FROM retort_history", Long.class))
                    .singleElement().satisfies(ms -> assertThat(ms).isBetween(200L, 10_000L));
        }

        @Test
        void aFailureAtCommitRollsTheRevisionBackAndSaysSo() {
            files.revision("a1", null, "CREATE TABLE p (id int PRIMARY KEY);\n"
                    + "CREATE TABLE c (p_id int REFERENCES p DEFERRABLE INITIALLY DEFERRED);\n"
                    + "INSERT INTO c VALUES (1);", null);

            StepVerifier.create(retort().upgrade(Target.HEADS)).thenConsumeWhile(e -> true)
                    .verifyErrorSatisfies(error -> assertThat(error).isInstanceOf(RetortException.class)
                            .hasMessageContaining("a1").hasMessageContaining("COMMIT")
                            .hasMessageContaining("23503").hasMessageContaining("rolled back"));
            // Retort's tables were created in the first revision's transaction, so they went with it.
            assertThat(tables()).doesNotContain("p", "c", "retort_version", "retort_history");
            assertThat(retort().current().block(Duration.ofSeconds(30))).isEmpty();
        }

        /** r2dbc-postgresql refuses a query string with both several statements and a {@code $1}. */
        @Test
        void aStatementTheDriverRefusesIsNamedAtItsLineThoughItWasSentInABatch() {
            files.revision("a1", null, "CREATE TABLE r1 (id int);\nPREPARE p (int) AS SELECT $1;\n"
                    + "CREATE TABLE r2 (id int);", null);

            MigrationExecutionException failure = failedUpgrade();
            assertThat(failure.line()).isEqualTo(6);
            assertThat(failure.statement()).startsWith("PREPARE p");
            assertThat(failure.getMessage()).contains("driver");
            assertThat(tables()).doesNotContain("r1", "r2");
            assertThat(retort().current().block(PATIENCE)).isEmpty();
        }

        @Test
        void manyStatementsSpanSeveralBatchesAndEachIsReportedWithItsRows() {
            StringBuilder upgrade = new StringBuilder("CREATE TABLE many (id int, filler text);\n");
            String filler = "f".repeat(400);
            for (int i = 1; i <= 2_000; i++) {
                upgrade.append("INSERT INTO many VALUES (").append(i).append(", '").append(filler).append("');\n");
            }
            files.revision("a1", null, upgrade.toString(), null);

            List<StatementExecuted> executed = retort().upgrade(Target.HEADS)
                    .ofType(StatementExecuted.class).collectList().block(PATIENCE);

            assertThat(executed).hasSize(2_001);
            assertThat(executed.get(2_000).line()).isEqualTo(2_005);
            assertThat(executed.subList(1, executed.size())).allSatisfy(e -> assertThat(e.rowsUpdated()).isEqualTo(1));
            assertThat(db.column("SELECT count(*) FROM many", Long.class)).containsExactly(2_000L);
        }
    }

    @Nested
    class VersionTableGuard {

        @Test
        void aVersionTableChangedWhileARevisionRunsRollsTheRevisionBack() {
            files.revision("a1", null, "CREATE TABLE t1 (id int);", null)
                    .revision("b2", "a1", "CREATE TABLE t2 (id int);\nDELETE FROM retort_version;", null);

            StepVerifier.create(retort().upgrade(Target.HEADS))
                    .thenConsumeWhile(e -> true)
                    .verifyErrorSatisfies(error -> assertThat(error).isInstanceOf(VersionTableChangedException.class)
                            .hasMessageContaining("version table changed")
                            .hasMessageContaining("b2").hasMessageContaining("rolled back"));
            assertThat(retort().current().block(PATIENCE)).containsExactly("a1");
            assertThat(tables()).contains("t1").doesNotContain("t2");
        }
    }

    @Nested
    class Events {

        @Test
        void reportOneStatementExecutedPerStatementWithItsFileLine() {
            files.revision("a1", null, "CREATE TABLE x (id int);\n\nINSERT INTO x VALUES (1), (2);", null);

            List<MigrationEvent> events = retort().upgrade(Target.HEADS).collectList().block(PATIENCE);

            assertThat(events).filteredOn(StatementExecuted.class::isInstance).map(StatementExecuted.class::cast)
                    .extracting(StatementExecuted::line, StatementExecuted::rowsUpdated)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple(5, 0L),
                            org.assertj.core.groups.Tuple.tuple(7, 2L));
        }

        @Test
        void areNotProducedBeforeSubscription() {
            files.revision("a1", null, "CREATE TABLE lazy (id int);", null);

            retort().upgrade(Target.HEADS);

            assertThat(tables()).doesNotContain("lazy", "retort_version");
        }
    }

    @Nested
    class Targets {

        @BeforeEach
        void chain() {
            files.revision("a1", null, "CREATE TABLE t1 (id int);", "DROP TABLE t1;")
                    .revision("b2", "a1", "CREATE TABLE t2 (id int);", "DROP TABLE t2;")
                    .revision("c3", "b2", "CREATE TABLE t3 (id int);", "DROP TABLE t3;");
        }

        @Test
        void relativeStepsMoveOneRevisionAtATime() {
            retort().upgrade(Target.parse("+2")).blockLast(PATIENCE);
            assertThat(retort().current().block(PATIENCE)).containsExactly("b2");
            retort().downgrade(Target.parse("-1")).blockLast(PATIENCE);
            assertThat(retort().current().block(PATIENCE)).containsExactly("a1");
            retort().upgrade(Target.parse("a1+2")).blockLast(PATIENCE);
            assertThat(retort().current().block(PATIENCE)).containsExactly("c3");
            assertThat(tables()).contains("t1", "t2", "t3");
        }

        @Test
        void aUniquePrefixNamesItsRevision() {
            retort().upgrade(Target.parse("b")).blockLast(PATIENCE);
            assertThat(retort().current().block(PATIENCE)).containsExactly("b2");
        }

        @Test
        void headWithTwoHeadsFailsNamingBothAndChangesNothing() {
            files.revision("d4", "a1", "CREATE TABLE t4 (id int);", "DROP TABLE t4;");

            StepVerifier.create(retort().upgrade(Target.HEAD))
                    .thenConsumeWhile(e -> true)
                    .verifyErrorSatisfies(error -> assertThat(error).isInstanceOf(TargetException.class)
                            .hasMessageContaining("c3").hasMessageContaining("d4"));
            assertThat(tables()).isEmpty();
        }

        @Test
        void headsUpgradesEveryBranch() {
            files.revision("d4", "a1", "CREATE TABLE t4 (id int);", "DROP TABLE t4;");

            retort().upgrade(Target.HEADS).blockLast(PATIENCE);

            assertThat(retort().current().block(PATIENCE)).containsExactlyInAnyOrder("c3", "d4");
            assertThat(tables()).contains("t1", "t2", "t3", "t4");
        }

        @Test
        void downgradingPastARevisionWithoutDowngradeSectionFailsBeforeRunningAnything() {
            files.revision("c3", "b2", "CREATE TABLE t3 (id int);", null);
            retort().upgrade(Target.HEADS).blockLast(PATIENCE);

            StepVerifier.create(retort().downgrade(Target.BASE))
                    .thenConsumeWhile(e -> true)
                    .verifyErrorSatisfies(error -> assertThat(error).hasMessageContaining("c3.sql")
                            .hasMessageContaining("no '-- +downgrade' section"));
            assertThat(retort().current().block(PATIENCE)).containsExactly("c3");
        }
    }

    @Nested
    class Quoting {

        @Test
        void aMessageWithApostrophesAndBackslashesIsRecordedAsWritten() {
            files.file("a1.sql", "-- message: the candidate's \\ path \\' quoted\n-- +upgrade\nSELECT 1;\n");

            retort().upgrade(Target.HEADS).blockLast(PATIENCE);

            assertThat(db.column("SELECT message FROM retort_history", String.class))
                    .containsExactly("the candidate's \\ path \\' quoted");
        }

        @Test
        void anEscapeStringWithABackslashQuoteRunsAsTheServerReadsIt() {
            files.revision("a1", null, "CREATE TABLE quotes AS SELECT E'it\\'s; fine' AS text;", null);

            retort().upgrade(Target.HEADS).blockLast(PATIENCE);

            assertThat(db.column("SELECT text FROM quotes", String.class)).containsExactly("it's; fine");
        }
    }

    @Nested
    class OwnSchemaAndPrefix {

        Retort retortInOwnSchema() {
            return Retort.builder(db.connectionFactory()).migrations(MigrationSources.directory(workspace.directory()))
                    .schema("retort_meta").tablePrefix("mig").build();
        }

        @Test
        void theStateIsReadBackFromThereAndASecondRunHasNothingToDo() {
            db.execute("DROP SCHEMA IF EXISTS retort_meta CASCADE");
            files.revision("a1", null, "CREATE TABLE t_a (id int);", null)
                    .revision("b2", "a1", "CREATE TABLE t_b (id int);", null);

            retortInOwnSchema().upgrade(Target.HEADS).blockLast(PATIENCE);

            assertThat(retortInOwnSchema().current().block(PATIENCE)).containsExactly("b2");
            assertThat(retortInOwnSchema().upgrade(Target.HEADS).filter(RevisionStarted.class::isInstance)
                    .collectList().block(PATIENCE)).isEmpty();
            assertThat(db.column("SELECT revision::text FROM retort_meta.mig_history ORDER BY id", String.class))
                    .containsExactly("a1", "b2");
            assertThat(db.column("SELECT revision::text FROM retort_meta.mig_version", String.class))
                    .containsExactly("b2");
            assertThat(tables()).doesNotContain("retort_version", "retort_history", "mig_version");
            db.execute("DROP SCHEMA retort_meta CASCADE");
        }
    }

    @Nested
    class LargeDataLoads {

        @Test
        void aSectionTooLargeToKeepInMemoryIsStreamedFromItsFileAndApplied() {
            StringBuilder load = new StringBuilder("CREATE TABLE big (id int, padding text);\n");
            String padding = "x".repeat(90);
            for (int i = 0; i < 12_000; i++) {
                load.append("INSERT INTO big VALUES (").append(i).append(", '").append(padding).append("');\n");
            }
            files.revision("a1", null, load.toString(), "DROP TABLE big;");

            long statements = retort().upgrade(Target.HEADS).filter(StatementExecuted.class::isInstance).count().block(PATIENCE);

            assertThat(statements).isEqualTo(12_001);
            assertThat(db.scalar("SELECT count(*) FROM big")).isEqualTo(12_000L);
        }
    }

    @Nested
    class OfflineScripts {

        @Test
        void applyingTheScriptGivesTheSameSchemaAndVersionRowsAsARun() {
            files.revision("a1", null, "CREATE TABLE t1 (id int); -- trailing comment", "DROP TABLE t1;")
                    .revision("b2", "a1", "CREATE FUNCTION f() RETURNS int AS $$ SELECT 1; $$ LANGUAGE sql;",
                            "DROP FUNCTION f();");
            Retort retort = retort();
            MigrationPlan plan = retort.plan(Operation.UPGRADE, Target.HEADS, java.util.Set.of()).block(PATIENCE);
            String script = String.join("", retort.script(plan).collectList().block(PATIENCE));

            db.execute(script);

            assertThat(retort.current().block(PATIENCE)).containsExactly("b2");
            assertThat(tables()).contains("t1");
            assertThat(db.scalar("SELECT f()")).isEqualTo(1);
            assertThat(retort.validate().block(PATIENCE).isUpToDate()).isTrue();
        }
    }
}
