package dev.retort;

import dev.retort.error.MigrationExecutionException;
import dev.retort.error.MigrationFileException;
import dev.retort.error.RetortException;
import dev.retort.event.MigrationEvent;
import dev.retort.event.RevisionRetried;
import dev.retort.test.database.PostgresDatabase;
import io.r2dbc.spi.Connection;
import io.r2dbc.spi.Result;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static dev.retort.test.Patience.PATIENCE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/** Per-revision and run-wide server settings, and retries of a revision that could not take a lock in time. */
class SessionSettingsIntegrationTests {

    @RegisterExtension
    static final PostgresDatabase db = new PostgresDatabase();

    @RegisterExtension
    final MigrationWorkspace workspace = new MigrationWorkspace(db);

    private Retort retort(java.util.function.UnaryOperator<RetortBuilder> configure) {
        return configure.apply(Retort.builder(db.connectionFactory())
                .migrations(MigrationSources.directory(workspace.directory()))).build();
    }

    @Test
    void aRevisionsSettingsHoldInsideItAndDoNotLeakIntoTheNext() {
        workspace.files()
                .file("a1.sql", "-- set: lock_timeout=1234ms, search_path='app, public'\n-- +upgrade\n"
                        + "CREATE TABLE seen AS SELECT 'a1' AS revision, current_setting('lock_timeout') AS lock_timeout,"
                        + " current_setting('search_path') AS search_path;\n-- +downgrade\nDROP TABLE seen;\n")
                .file("b2.sql", "-- revises: a1\n-- transactional: false\n-- set: lock_timeout=2s\n-- +upgrade\n"
                        + "INSERT INTO seen SELECT 'b2', current_setting('lock_timeout'), current_setting('search_path');\n"
                        + "-- +downgrade\nDELETE FROM seen WHERE revision = 'b2';\n")
                .file("c3.sql", "-- revises: b2\n-- +upgrade\n"
                        + "INSERT INTO seen SELECT 'c3', current_setting('lock_timeout'), current_setting('search_path');\n"
                        + "-- +downgrade\nDELETE FROM seen WHERE revision = 'c3';\n");

        retort(b -> b.sessionSettings(Map.of("lock_timeout", "9s"))).upgrade(Target.HEAD).blockLast(PATIENCE);

        assertThat(db.column("SELECT revision || ' ' || lock_timeout || ' ' || search_path FROM seen ORDER BY revision",
                String.class)).containsExactly("a1 1234ms app, public", "b2 2s \"$user\", public",
                "c3 9s \"$user\", public");
    }

    @Test
    void aStatementTimeoutRollsTheRevisionBackAndIsNotRetried() {
        workspace.files().file("a1.sql", "-- set: statement_timeout=200ms\n-- +upgrade\nCREATE TABLE t (id int);\n"
                + "SELECT pg_sleep(2);\n-- +downgrade\nDROP TABLE t;\n");

        List<MigrationEvent> events = new java.util.ArrayList<>();
        Throwable failure = catchThrowable(() -> retort(b -> b).upgrade(Target.HEAD).doOnNext(events::add)
                .blockLast(PATIENCE));

        assertThat(failure).isInstanceOfSatisfying(MigrationExecutionException.class,
                e -> assertThat(e.sqlState()).contains("57014"));
        assertThat(events).noneMatch(RevisionRetried.class::isInstance);
        assertThat(workspace.tables()).doesNotContain("t");
    }

    @Test
    void anUnknownSettingOrABadValueIsAnInvalidFileBeforeAnythingRuns() {
        workspace.files()
                .revision("a1", null, "CREATE TABLE t1 (id int);", "DROP TABLE t1;")
                .file("b2.sql", "-- revises: a1\n-- message: typo\n-- set: lock_timout=5s\n-- +upgrade\n"
                        + "CREATE TABLE t2 (id int);\n-- +downgrade\nDROP TABLE t2;\n");

        Throwable unknown = catchThrowable(() -> retort(b -> b).upgrade(Target.HEAD).blockLast(PATIENCE));

        assertThat(unknown).isInstanceOf(MigrationFileException.class).hasMessageContaining("b2.sql:3")
                .hasMessageContaining("lock_timout").hasMessageContaining("SHOW ALL");
        assertThat(workspace.tables()).isEmpty();

        Throwable badValue = catchThrowable(() -> retort(b -> b.sessionSettings("statement_timeout=5 parsecs"))
                .upgrade(Target.HEAD).blockLast(PATIENCE));
        assertThat(badValue).isInstanceOf(RetortException.class).hasMessageContaining("session settings")
                .hasMessageContaining("statement_timeout");
        assertThat(workspace.tables()).isEmpty();
    }

    @Test
    void theOfflineScriptAppliesTheSettingsInEachRevision() {
        workspace.files().file("a1.sql", "-- set: lock_timeout=5s\n-- +upgrade\nCREATE TABLE t (id int);\n"
                + "-- +downgrade\nDROP TABLE t;\n");

        String script = String.join("", retort(b -> b).plan(Operation.UPGRADE, Target.HEAD, java.util.Set.of())
                .flatMapMany(retort(b -> b)::script).collectList().block(PATIENCE));

        assertThat(script).contains("BEGIN;\n").contains("SELECT pg_catalog.set_config('lock_timeout', '5s', true);");
    }

    @Test
    void aRevisionThatCannotTakeALockInTimeIsRetriedUntilTheLockIsFree() throws Exception {
        db.execute("CREATE TABLE busy (id int)");
        workspace.files().file("a1.sql", "-- set: lock_timeout=200ms\n-- +upgrade\nALTER TABLE busy ADD COLUMN x int;\n"
                + "-- +downgrade\nALTER TABLE busy DROP COLUMN x;\n")
                // Sent behind a1 while a1 runs; it fails with a1 and must be sent again after the retry.
                .revision("b2", "a1", "CREATE TABLE after_busy (id int);", "DROP TABLE after_busy;");
        Connection holder = Mono.from(db.connectionFactory().create()).block(PATIENCE);
        try {
            execute(holder, "BEGIN; LOCK TABLE busy IN ACCESS EXCLUSIVE MODE").block(PATIENCE);
            // Released after about a second: the first two tries (0 s, 0.2 s + 0.3 s) meet the lock.
            Mono.delay(Duration.ofMillis(1_000)).then(execute(holder, "COMMIT")).subscribeOn(Schedulers.parallel())
                    .subscribe();

            List<MigrationEvent> events = retort(b -> b.firstLockRetryDelay(Duration.ofMillis(300)))
                    .upgrade(Target.HEAD).collectList().block(PATIENCE);

            assertThat(events).filteredOn(RevisionRetried.class::isInstance).isNotEmpty()
                    .allSatisfy(e -> assertThat(((RevisionRetried) e).reason()).contains("lock"));
            assertThat(db.column("SELECT column_name::text FROM information_schema.columns WHERE table_name = 'busy'"
                    + " ORDER BY 1", String.class)).containsExactly("id", "x");
            assertThat(db.column("SELECT revision::text FROM retort_history ORDER BY id", String.class))
                    .containsExactly("a1", "b2");
            assertThat(workspace.tables()).contains("after_busy");
        } finally {
            Mono.from(holder.close()).block(PATIENCE);
        }
    }

    @Test
    void withoutRetriesALockTimeoutFailsAtOnceAndChangesNothing() {
        db.execute("CREATE TABLE busy (id int)");
        workspace.files().file("a1.sql", "-- set: lock_timeout=100ms\n-- +upgrade\nALTER TABLE busy ADD COLUMN x int;\n"
                + "-- +downgrade\nALTER TABLE busy DROP COLUMN x;\n");
        Connection holder = Mono.from(db.connectionFactory().create()).block(PATIENCE);
        try {
            execute(holder, "BEGIN; LOCK TABLE busy IN ACCESS EXCLUSIVE MODE").block(PATIENCE);

            Throwable failure = catchThrowable(() -> retort(b -> b.lockRetries(0)).upgrade(Target.HEAD)
                    .blockLast(PATIENCE));

            assertThat(failure).isInstanceOfSatisfying(MigrationExecutionException.class,
                    e -> assertThat(e.sqlState()).contains("55P03"));
        } finally {
            Mono.from(holder.close()).block(PATIENCE);
        }
        assertThat(db.column("SELECT column_name::text FROM information_schema.columns WHERE table_name = 'busy'",
                String.class)).containsExactly("id");
        assertThat(workspace.tables()).containsExactly("busy");
    }

    private static Mono<Void> execute(Connection connection, String sql) {
        return Flux.from(connection.createStatement(sql).execute()).flatMap(Result::getRowsUpdated).then();
    }
}
