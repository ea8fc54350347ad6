package dev.retort;

import dev.retort.error.LockTimeoutException;
import dev.retort.event.MigrationEvent;
import dev.retort.event.RevisionStarted;
import dev.retort.event.RunStarted;
import dev.retort.internal.history.HistorySql;
import dev.retort.internal.history.TableNames;
import dev.retort.test.MigrationFiles;
import dev.retort.test.database.PostgresDatabase;
import io.r2dbc.spi.Connection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.test.StepVerifier;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static dev.retort.test.Patience.PATIENCE;
import static org.assertj.core.api.Assertions.assertThat;

/** Several runs at once, cancellation, and the lock's timeout. */
class ConcurrencyIntegrationTests {

    @RegisterExtension
    static final PostgresDatabase db = new PostgresDatabase();

    @RegisterExtension
    final MigrationWorkspace workspace = new MigrationWorkspace(db);

    Retort retort(Duration lockTimeout) {
        return workspace.retort(lockTimeout);
    }

    @ParameterizedTest(name = "{0} instances, 3 rounds")
    @ValueSource(ints = {2, 8, 20})
    void concurrentRunsApplyEachRevisionExactlyOnce(int instances) {
        MigrationFiles files = workspace.files();
        for (int i = 1; i <= 5; i++) {
            files.revision("r" + i, i == 1 ? null : "r" + (i - 1),
                    "CREATE TABLE t" + i + " (id int); SELECT pg_sleep(0.02);", "DROP TABLE t" + i + ";");
        }

        for (int round = 1; round <= 3; round++) {
            Flux.range(0, instances)
                    .flatMap(i -> retort(Duration.ofMinutes(1)).upgrade(Target.HEADS).subscribeOn(Schedulers.parallel()))
                    .blockLast(Duration.ofMinutes(2));

            assertThat(db.column("SELECT revision::text FROM retort_history WHERE operation = 'upgrade' AND success"
                    + " ORDER BY id", String.class)).as("round %d", round)
                    .containsExactly(repeat(List.of("r1", "r2", "r3", "r4", "r5"), round));
            assertThat(retort(Duration.ofMinutes(1)).current().block(PATIENCE)).containsExactly("r5");
            retort(Duration.ofMinutes(1)).downgrade(Target.BASE).blockLast(Duration.ofMinutes(1));
        }
    }

    private static String[] repeat(List<String> revisions, int times) {
        return java.util.stream.IntStream.range(0, times).boxed().flatMap(i -> revisions.stream()).toArray(String[]::new);
    }

    @Test
    void anUpgradeAndADowngradeAtOnceLeaveTheSchemaMatchingTheVersionTable() {
        MigrationFiles files = workspace.files();
        for (int i = 1; i <= 4; i++) {
            files.revision("r" + i, i == 1 ? null : "r" + (i - 1), "CREATE TABLE t" + i + " (id int);",
                    "DROP TABLE t" + i + ";");
        }

        for (int round = 0; round < 10; round++) {
            Flux.merge(retort(Duration.ofMinutes(1)).upgrade(Target.HEADS).subscribeOn(Schedulers.parallel()),
                            retort(Duration.ofMinutes(1)).downgrade(Target.BASE).subscribeOn(Schedulers.parallel()))
                    .blockLast(Duration.ofMinutes(1));

            java.util.Set<String> current = retort(Duration.ofMinutes(1)).current().block(PATIENCE);
            List<String> tables = workspace.tables().stream().filter(t -> t.matches("t\\d")).toList();
            assertThat(tables).as("round %d with heads %s", round, current)
                    .isEqualTo(current.isEmpty() ? List.of() : List.of("t1", "t2", "t3", "t4"));
        }
    }

    @Test
    void cancellingMidRunLeavesARevisionBoundaryAndTheLockFree() throws InterruptedException {
        MigrationFiles files = workspace.files()
                .revision("r1", null, "CREATE TABLE done (id int);", null)
                .revision("r2", "r1", "CREATE TABLE half (id int);\nSELECT pg_sleep(30);", null)
                .revision("r3", "r2", "CREATE TABLE never (id int);", null);
        CountDownLatch secondStarted = new CountDownLatch(1);

        Disposable run = retort(Duration.ofMinutes(1)).upgrade(Target.HEADS)
                .doOnNext(e -> {
                    if (e instanceof RevisionStarted s && s.revision().equals("r2")) {
                        secondStarted.countDown();
                    }
                })
                .subscribe();
        assertThat(secondStarted.await(30, TimeUnit.SECONDS)).isTrue();
        Thread.sleep(300); // let CREATE TABLE half run and pg_sleep start
        run.dispose();

        // Without the sleep, r2 must now apply at once: no lock, no abandoned transaction in the way.
        files.revision("r2", "r1", "CREATE TABLE half (id int);", null);
        assertThat(retort(Duration.ofSeconds(20)).current().block(PATIENCE)).containsExactly("r1");
        retort(Duration.ofSeconds(20)).upgrade(Target.HEADS).blockLast(Duration.ofSeconds(20));
        assertThat(db.column("SELECT revision::text FROM retort_history WHERE success ORDER BY id", String.class))
                .containsExactly("r1", "r2", "r3");
    }

    @Test
    void cancellationReleasesTheAdvisoryLock() throws InterruptedException {
        workspace.files().revision("r1", null, "SELECT pg_sleep(30);", null);
        CountDownLatch started = new CountDownLatch(1);
        Disposable run = retort(Duration.ofMinutes(1)).upgrade(Target.HEADS)
                .doOnNext(e -> {
                    if (e instanceof RevisionStarted) {
                        started.countDown();
                    }
                })
                .subscribe();
        assertThat(started.await(30, TimeUnit.SECONDS)).isTrue();
        assertThat(advisoryLocks()).as("the migration lock and its session's marker").isEqualTo(2L);

        run.dispose();

        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (advisoryLocks() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(advisoryLocks()).isZero();
        assertThat(db.column("SELECT count(*) FROM pg_stat_activity WHERE query LIKE '%SELECT pg_sleep(30)%'"
                + " AND state = 'active' AND pid <> pg_backend_pid()", Long.class)).containsExactly(0L);
    }

    @Test
    void aRunWaitingLongerThanTheLockTimeoutFailsWithoutChangingAnything() {
        workspace.files().revision("r1", null, "CREATE TABLE t1 (id int);", null);
        long key = retort(Duration.ofMillis(700)).lockKey();

        Flux<Object> holdLock = Flux.usingWhen(db.connectionFactory().create(),
                c -> Mono.from(c.createStatement("SELECT pg_advisory_lock(" + key + ")").execute())
                        .flatMapMany(r -> r.map(row -> row.get(0)))
                        .thenMany(Flux.defer(() -> retort(Duration.ofMillis(700)).upgrade(Target.HEADS))),
                Connection::close);

        StepVerifier.create(holdLock)
                .thenConsumeWhile(e -> true)
                .verifyErrorSatisfies(error -> assertThat(error).isInstanceOfSatisfying(LockTimeoutException.class,
                        timeout -> {
                            assertThat(timeout.lockKey()).isEqualTo(key);
                            assertThat(timeout.waited()).isEqualTo(Duration.ofMillis(700));
                        }));
        assertThat(db.column("SELECT table_name::text FROM information_schema.tables WHERE table_schema = 'public'",
                String.class)).isEmpty();
    }

    /**
     * The statement check starts before the lock, on the plan read without it. Here another run
     * applies r1, whose file would fail that check, while this run waits for the lock: under the
     * lock only r2 is pending, so only r2 may be checked, and the run must succeed.
     */
    @Test
    void aPlanThatChangesWhileWaitingForTheLockIsCheckedAgainUnderTheLock() throws InterruptedException {
        workspace.files().revision("r1", null, "CREATE TABLE t1 (id int); COMMIT;", null);
        workspace.files().revision("r2", "r1", "CREATE TABLE t2 (id int);", null);
        long key = retort(Duration.ofMillis(700)).lockKey();
        HistorySql tables = new HistorySql(TableNames.of("public", "retort"));
        CountDownLatch started = new CountDownLatch(1);

        Flux<MigrationEvent> otherRunAppliesR1 = Flux.usingWhen(db.connectionFactory().create(),
                c -> execute(c, "SELECT pg_advisory_lock(" + key + ")")
                        .thenMany(Flux.merge(
                                retort(Duration.ofMinutes(1)).upgrade(Target.HEADS)
                                        .doOnNext(event -> {
                                            if (event instanceof RunStarted) {
                                                started.countDown();
                                            }
                                        }),
                                Mono.fromCallable(() -> started.await(30, TimeUnit.SECONDS))
                                        .subscribeOn(Schedulers.boundedElastic())
                                        .thenMany(Flux.fromIterable(tables.createTables(false)))
                                        .concatWith(Flux.just("CREATE TABLE t1 (id int)",
                                                "INSERT INTO retort_version VALUES ('r1')",
                                                "SELECT pg_advisory_unlock(" + key + ")"))
                                        .concatMap(sql -> execute(c, sql))
                                        .thenMany(Flux.<MigrationEvent>empty()))),
                Connection::close);

        StepVerifier.create(otherRunAppliesR1)
                .thenConsumeWhile(event -> true)
                .verifyComplete();
        assertThat(workspace.tables()).contains("t1", "t2");
        assertThat(retort(Duration.ofMinutes(1)).current().block(PATIENCE)).containsExactly("r2");
        assertThat(db.column("SELECT revision::text FROM retort_history ORDER BY id", String.class))
                .containsExactly("r2");
    }

    private static Mono<Void> execute(Connection connection, String sql) {
        return Flux.from(connection.createStatement(sql).execute()).concatMap(r -> r.map(row -> 1)).then();
    }

    private long advisoryLocks() {
        return db.column("SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND database = "
                + "(SELECT oid FROM pg_database WHERE datname = current_database())", Long.class).get(0);
    }
}
