package dev.retort.cli;

import dev.retort.MigrationSources;
import dev.retort.Retort;
import dev.retort.cli.config.OfflineConnectionFactory;
import dev.retort.test.MigrationFiles;
import dev.retort.test.database.PostgresDatabase;
import io.r2dbc.spi.Connection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import reactor.core.publisher.Mono;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import static dev.retort.cli.RunAssert.assertThatRun;
import static dev.retort.test.Patience.PATIENCE;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The CLI killed with SIGKILL at random points of a run — before it connects, while it waits for
 * the lock, during a statement, between revisions: afterwards the schema matches the version
 * table (a revision boundary), the advisory lock is free, and the next run completes. The quick
 * subset runs in {@code mvn verify}; the soak is the same test with more kills:
 * {@code mvn -pl cli verify -Dit.test=CrashRecoveryIntegrationTests -Dretort.soak.kills=300} (seed: {@code -Dretort.soak.seed}).
 */
class CrashRecoveryIntegrationTests {

    private static final int KILLS = Integer.getInteger("retort.soak.kills", 12);
    private static final long SEED = Long.getLong("retort.soak.seed", System.nanoTime());
    private static final int REVISIONS = 10;
    private static final long LOCK_KEY = Retort.builder(new OfflineConnectionFactory())
            .migrations(MigrationSources.directory(Path.of("unused"))).build().lockKey();

    @RegisterExtension
    static final PostgresDatabase db = new PostgresDatabase();

    @TempDir
    Path directory;

    private RetortCli cli() {
        return new RetortCli(directory).env("RETORT_URL", db.url()).env("RETORT_MIGRATIONS", "migrations");
    }

    private void writeRevisions(String extra) throws IOException {
        Path migrations = new MigrationFiles(directory.resolve("migrations")).chain(REVISIONS,
                i -> "CREATE TABLE t" + i + " (id int);\nINSERT INTO t" + i + " SELECT generate_series(1, 5000);\n"
                        + "SELECT pg_sleep(0.03);",
                i -> "DROP TABLE t" + i + ";").directory();
        if (!extra.isEmpty()) {
            Files.writeString(migrations.resolve("r" + (REVISIONS + 1) + ".sql"), extra);
        }
    }

    @Test
    void afterEveryKillTheDatabaseIsAtARevisionBoundaryAndTheNextRunCompletes() throws Exception {
        writeRevisions("");
        Random random = new Random(SEED);
        Map<String, Integer> diedAt = new TreeMap<>();
        for (int kill = 1; kill <= KILLS; kill++) {
            db.reset();
            boolean whileWaitingForLock = kill % 4 == 0;
            Connection holder = whileWaitingForLock ? holdLock() : null;
            Process run = cli().start("upgrade", "head");
            Thread.sleep(whileWaitingForLock ? 1500 : random.nextInt(1800));
            run.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            if (holder != null) {
                Mono.from(holder.close()).block(PATIENCE);
            }

            awaitNoOtherSessions();
            int applied = assertRevisionBoundary("kill " + kill + " of " + KILLS + ", seed " + SEED);
            diedAt.merge(whileWaitingForLock ? "waiting for the lock" : applied + " revisions applied", 1, Integer::sum);
            assertThatRun(cli().run("-q", "upgrade", "head")).succeeded();
            assertThat(assertRevisionBoundary("rerun after kill " + kill)).isEqualTo(REVISIONS);
        }
        System.out.println("CrashRecoveryIntegrationTests: " + KILLS + " kills (seed " + SEED + "), killed with: " + diedAt);
    }

    @Test
    void aNonTransactionalRevisionKilledMidwayIsReportedDirtyUntilStamped() throws Exception {
        writeRevisions("-- revision: r11\n-- revises: r10\n-- transactional: false\n-- +upgrade\n"
                + "CREATE INDEX CONCURRENTLY t1_id ON t1 (id);\nSELECT pg_sleep(30);\n");
        Process run = cli().start("upgrade", "head");
        awaitQuery("SELECT pg_sleep(30)");
        run.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        // The server checks every second that the client is alive, so the orphaned sleep ends now, not in 30 s.
        awaitCount(OTHER_SESSIONS, 0, Duration.ofSeconds(10));

        assertThatRun(cli().run("upgrade", "head")).exitedWith(1).complained("dirty").complained("r11")
                .complained("stamp");
        assertThatRun(cli().run("current")).succeeded().printed("r10").printed("dirty: The upgrade of"
                + " non-transactional revision r11 failed midway");
        assertThat(cli().run("current", "--json").json().get("dirty").get("revision").asText()).isEqualTo("r11");
        assertThatRun(cli().run("stamp", "r11")).succeeded();
        assertThat(cli().run("current", "--json").json().get("dirty").isNull()).isTrue();
        assertThatRun(cli().run("check")).succeeded();
    }

    /** @return how many revisions are applied; fails unless exactly their tables exist and the lock is free */
    private int assertRevisionBoundary(String when) {
        boolean tables = Boolean.TRUE.equals(db.scalar("SELECT to_regclass('public.retort_version') IS NOT NULL"));
        List<String> rows = tables ? db.column("SELECT revision::text FROM retort_version", String.class) : List.of();
        int applied = rows.isEmpty() ? 0 : Integer.parseInt(rows.get(0).substring(1));
        List<String> expected = IntStream.rangeClosed(1, applied).mapToObj(i -> "t" + i).sorted().toList();
        assertThat(rows).as(when).hasSizeLessThanOrEqualTo(1);
        assertThat(db.column("SELECT table_name::text FROM information_schema.tables WHERE table_schema = 'public'"
                + " AND table_name ~ '^t[0-9]+$' ORDER BY 1", String.class)).as(when).isEqualTo(expected);
        assertThat(db.column("SELECT count(*) FROM pg_locks WHERE locktype = 'advisory'", Long.class))
                .as(when + ": advisory lock free").containsExactly(0L);
        return applied;
    }

    private Connection holdLock() {
        Connection connection = Mono.from(db.connectionFactory().create()).block(PATIENCE);
        Mono.from(connection.createStatement("SELECT pg_advisory_lock(" + LOCK_KEY + ")").execute())
                .flatMap(result -> Mono.from(result.getRowsUpdated())).block(PATIENCE);
        return connection;
    }

    private static final String OTHER_SESSIONS = "SELECT count(*) FROM pg_stat_activity"
            + " WHERE datname = current_database() AND pid <> pg_backend_pid()";

    /** A killed client's backend ends when the server notices the closed socket. */
    private void awaitNoOtherSessions() throws InterruptedException {
        awaitCount(OTHER_SESSIONS, 0, Duration.ofSeconds(60));
    }

    private void awaitQuery(String query) throws InterruptedException {
        awaitCount("SELECT count(*) FROM pg_stat_activity WHERE datname = current_database()"
                + " AND state = 'active' AND query LIKE '" + query + "%'", 1, Duration.ofSeconds(60));
    }

    private void awaitCount(String sql, long expected, Duration patience) throws InterruptedException {
        long deadline = System.nanoTime() + patience.toNanos();
        while (db.column(sql, Long.class).get(0) != expected) {
            assertThat(System.nanoTime()).as("waiting for: " + sql).isLessThan(deadline);
            Thread.sleep(50);
        }
    }
}
