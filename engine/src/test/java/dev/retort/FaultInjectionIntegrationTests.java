package dev.retort;

import dev.retort.error.ConnectionException;
import dev.retort.error.DirtyDatabaseException;
import dev.retort.error.ErrorCode;
import dev.retort.error.RetortException;
import dev.retort.event.MigrationEvent;
import dev.retort.event.RevisionStarted;
import dev.retort.internal.lock.AdvisoryLock;
import dev.retort.test.MigrationFiles;
import dev.retort.test.database.PostgresDatabase;
import io.r2dbc.spi.Connection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import static dev.retort.test.Patience.PATIENCE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Connections terminated by the server in the middle of a run: a clear error, nothing half
 * applied, the lock free, and the next run completes.
 */
class FaultInjectionIntegrationTests {

    @RegisterExtension
    static final PostgresDatabase db = new PostgresDatabase();

    @RegisterExtension
    final MigrationWorkspace workspace = new MigrationWorkspace(db);

    /** A revision's statements reach the server as one batch, so the sleep may follow other statements. */
    private static final String RUNNING_SLEEP = "query LIKE '%SELECT pg_sleep(20)%' AND state = 'active'";
    private static final String HOLDING_LOCK = "pid IN (SELECT pid FROM pg_locks WHERE locktype = 'advisory')";
    private static final long LOCK_KEY = AdvisoryLock.keyOf("\"public\".\"retort_version\"");

    /**
     * Runs the upgrade and, once {@code revision} has started, terminates the backend of this
     * database that meets {@code condition} (a WHERE clause over pg_stat_activity).
     */
    private Throwable upgradeTerminating(String revision, String condition) {
        return upgradeTerminating(revision, condition, () -> { });
    }

    /** Like {@link #upgradeTerminating(String, String)}, running {@code afterwards} once the backend is gone. */
    private Throwable upgradeTerminating(String revision, String condition, Runnable afterwards) {
        Flux<MigrationEvent> run = workspace.retort().upgrade(Target.HEADS)
                .doOnNext(event -> {
                    if (event instanceof RevisionStarted started && started.revision().equals(revision)) {
                        Thread killer = new Thread(() -> {
                            terminateWhen(condition);
                            afterwards.run();
                        });
                        killer.start();
                    }
                });
        return org.assertj.core.api.Assertions.catchThrowable(() -> run.blockLast(Duration.ofSeconds(60)));
    }

    private void terminateWhen(String condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < deadline) {
            List<Long> killed = db.column("SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity"
                    + " WHERE datname = current_database() AND pid <> pg_backend_pid() AND " + condition, Long.class);
            if (killed.get(0) > 0) {
                return;
            }
            pause();
        }
    }

    private static void pause() {
        try {
            Thread.sleep(20);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private long advisoryLocks() {
        return db.column("SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND database ="
                + " (SELECT oid FROM pg_database WHERE datname = current_database())", Long.class).get(0);
    }

    @Test
    void aWorkConnectionTerminatedMidRevisionRollsItBackAndReportsAConnectionFailure() {
        MigrationFiles files = workspace.files()
                .revision("r1", null, "CREATE TABLE one (id int);", null)
                .revision("r2", "r1", "CREATE TABLE two (id int);\nSELECT pg_sleep(20);", null);

        Throwable failure = upgradeTerminating("r2", RUNNING_SLEEP);

        assertThat(failure).isInstanceOf(ConnectionException.class).hasMessageContaining("rolled back")
                .hasMessageContaining("run the command again");
        assertThat(((RetortException) failure).code().exitCode()).isEqualTo(3);
        assertThat(workspace.tables()).contains("one").doesNotContain("two");
        assertThat(workspace.retort().current().block(PATIENCE)).containsExactly("r1");
        assertThat(advisoryLocks()).isZero();

        files.revision("r2", "r1", "CREATE TABLE two (id int);", null);
        workspace.retort().upgrade(Target.HEADS).blockLast(PATIENCE);
        assertThat(workspace.retort().current().block(PATIENCE)).containsExactly("r2");
    }

    @Test
    void aLostLockStopsTheRunBeforeItsRevisionCommits() {
        workspace.files()
                .revision("r1", null, "CREATE TABLE one (id int);", null)
                .revision("r2", "r1", "CREATE TABLE two (id int);\nSELECT pg_sleep(3);", null)
                .revision("r3", "r2", "CREATE TABLE three (id int);", null);

        Throwable failure = upgradeTerminating("r2", HOLDING_LOCK);

        assertThat(failure).isInstanceOf(ConnectionException.class).hasMessageContaining("migration lock")
                .hasMessageContaining("was lost").hasMessageContaining("rolled back");
        assertThat(workspace.retort().current().block(PATIENCE)).containsExactly("r1");
        assertThat(workspace.tables()).contains("one").doesNotContain("two", "three");
        workspace.retort().upgrade(Target.HEADS).blockLast(PATIENCE);
        assertThat(workspace.retort().current().block(PATIENCE)).containsExactly("r3");
        assertThat(advisoryLocks()).isZero();
    }

    /**
     * The lock's session ends and another session takes the lock before the revision commits: the
     * lock is held again, but not by this run, so the revision must still roll back.
     */
    @Test
    void aLockTakenOverByAnotherSessionStillStopsTheRunBeforeItsRevisionCommits() {
        workspace.files()
                .revision("r1", null, "CREATE TABLE one (id int);", null)
                .revision("r2", "r1", "CREATE TABLE two (id int);\nSELECT pg_sleep(3);", null);
        Connection other = Mono.from(db.connectionFactory().create()).block(PATIENCE);
        AtomicLong takenAt = new AtomicLong();
        try {
            Throwable failure = upgradeTerminating("r2", HOLDING_LOCK, () -> {
                Flux.from(other.createStatement("SELECT pg_advisory_lock(" + LOCK_KEY + ")").execute())
                        .concatMap(result -> result.map(row -> 1)).blockLast(PATIENCE);
                takenAt.set(System.nanoTime());
            });
            long failedAt = System.nanoTime();

            assertThat(takenAt.get()).as("the other session took the lock before the run failed")
                    .isPositive().isLessThan(failedAt);
            assertThat(failure).isInstanceOf(ConnectionException.class).hasMessageContaining("was lost")
                    .hasMessageContaining("rolled back");
            assertThat(workspace.tables()).contains("one").doesNotContain("two");
        } finally {
            Flux.from(other.createStatement("SELECT pg_advisory_unlock_all()").execute())
                    .concatMap(result -> result.getRowsUpdated()).then(Mono.from(other.close())).block(PATIENCE);
        }
        assertThat(workspace.retort().current().block(PATIENCE)).containsExactly("r1");
        assertThat(advisoryLocks()).isZero();
    }

    @Test
    void aNonTransactionalRevisionTerminatedMidwayLeavesTheDatabaseDirtyUntilStamped() {
        workspace.files()
                .revision("r1", null, "CREATE TABLE one (id int);", null)
                .file("r2.sql", "-- revises: r1\n-- transactional: false\n-- +upgrade\n"
                        + "CREATE INDEX CONCURRENTLY one_id ON one (id);\nSELECT pg_sleep(20);\n");

        Throwable failure = upgradeTerminating("r2", RUNNING_SLEEP);

        assertThat(failure).isInstanceOf(ConnectionException.class);
        assertThatThrownBy(() -> workspace.retort().upgrade(Target.HEADS).blockLast(PATIENCE))
                .isInstanceOf(DirtyDatabaseException.class).hasMessageContaining("r2")
                .satisfies(e -> assertThat(((RetortException) e).code()).isEqualTo(ErrorCode.DIRTY_DATABASE));

        workspace.retort().stamp(Target.parse("r2")).blockLast(PATIENCE);
        assertThat(workspace.retort().validate().block(PATIENCE).isUpToDate()).isTrue();
    }
}
