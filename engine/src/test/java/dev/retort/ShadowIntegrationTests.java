package dev.retort;

import dev.retort.error.ConnectionException;
import dev.retort.error.MigrationExecutionException;
import dev.retort.schema.RoundtripResult.Outcome;
import dev.retort.schema.RoundtripResult;
import dev.retort.schema.SchemaDiff;
import dev.retort.test.database.PostgresDatabase;
import io.r2dbc.spi.Closeable;
import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactories;
import io.r2dbc.spi.ConnectionFactory;
import io.r2dbc.spi.ConnectionFactoryMetadata;
import io.r2dbc.spi.Result;
import io.r2dbc.spi.ConnectionFactoryOptions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.reactivestreams.Publisher;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static dev.retort.test.Patience.PATIENCE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Shadow databases: drift, the schema of the migrations, roundtrip, and that no shadow survives. */
class ShadowIntegrationTests {

    @RegisterExtension
    static final PostgresDatabase db = new PostgresDatabase();

    @RegisterExtension
    final MigrationWorkspace workspace = new MigrationWorkspace(db);

    @AfterEach
    void noShadowSurvives() {
        Retort.shadowsDropped().block(PATIENCE);
        assertThat(shadows()).isEmpty();
    }

    private static List<String> shadows() {
        return db.column("SELECT datname::text FROM pg_database WHERE datname LIKE 'retort\\_shadow\\_%'", String.class);
    }

    private void threeRevisions() {
        workspace.files().revision("a1", null, "CREATE TABLE candidates (id int PRIMARY KEY, name text);",
                        "DROP TABLE candidates;")
                .revision("b2", "a1", "ALTER TABLE candidates ADD COLUMN version int NOT NULL DEFAULT 1;",
                        "ALTER TABLE candidates DROP COLUMN version;")
                .revision("c3", "b2", "CREATE INDEX candidates_name ON candidates (name);", "DROP INDEX candidates_name;");
    }

    @Test
    void aDatabaseAsItsMigrationsMadeItHasNoDrift() {
        threeRevisions();
        workspace.retort().upgrade(Target.parse("b2")).blockLast(PATIENCE);

        assertThat(workspace.retort().drift().block(PATIENCE).isEmpty()).isTrue();
        assertThat(workspace.retort().schemaOfCurrent().block(PATIENCE))
                .isEqualTo(workspace.retort().schema().block(PATIENCE));
    }

    @Test
    void aChangeByHandIsDriftNamingWhatToFixAndTheDatabaseIsOnlyRead() {
        threeRevisions();
        workspace.retort().upgrade(Target.HEADS).blockLast(PATIENCE);
        db.execute("ALTER TABLE candidates ADD COLUMN nickname text; DROP INDEX candidates_name;");
        DatabaseSnapshot before = DatabaseSnapshot.of(db);

        SchemaDiff drift = workspace.retort().drift().block(PATIENCE);

        assertThat(drift.describe("the migrations", "the database")).containsExactly(
                "column candidates.nickname: in the database, not in the migrations",
                "index candidates_name: in the migrations, not in the database");
        assertThat(DatabaseSnapshot.of(db)).isEqualTo(before);
    }

    @Test
    void theSchemaOfTheMigrationsAtATargetIsReplayedNotRead() {
        threeRevisions();

        assertThat(workspace.retort().schemaOf(Target.parse("a1")).block(PATIENCE).text())
                .contains("table candidates").doesNotContain("version");
        assertThat(workspace.retort().schemaOf(Target.HEADS).block(PATIENCE).text())
                .contains("column candidates.version", "index candidates_name");
        assertThat(workspace.tables()).isEmpty();
    }

    @Test
    void roundtripPassesWhenEveryDowngradeRestoresTheSchema() {
        threeRevisions();

        assertThat(workspace.retort().roundtrip().collectList().block(PATIENCE))
                .extracting(RoundtripResult::revision, RoundtripResult::outcome)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("a1", Outcome.RESTORED),
                        org.assertj.core.groups.Tuple.tuple("b2", Outcome.RESTORED),
                        org.assertj.core.groups.Tuple.tuple("c3", Outcome.RESTORED));
    }

    @Test
    void roundtripOfARangeChecksOnlyItsRevisions() {
        threeRevisions();

        assertThat(workspace.retort().roundtrip("b2:").collectList().block(PATIENCE))
                .extracting(RoundtripResult::revision).containsExactly("b2", "c3");
    }

    @Test
    void roundtripNamesTheRevisionWhoseDowngradeLeavesSomethingBehind() {
        workspace.files().revision("a1", null, "CREATE TABLE candidates (id int);", "DROP TABLE candidates;")
                .revision("b2", "a1", "ALTER TABLE candidates ADD COLUMN nickname text; CREATE INDEX c_n ON candidates (nickname);",
                        "DROP INDEX c_n;")
                .revision("c3", "b2", "CREATE TABLE later (id int);", "DROP TABLE later;");

        List<RoundtripResult> results = workspace.retort().roundtrip().collectList().block(PATIENCE);

        assertThat(results).extracting(RoundtripResult::revision).containsExactly("a1", "b2");
        assertThat(results.get(1).outcome()).isEqualTo(Outcome.DIFFERS);
        assertThat(results.get(1).difference().describe("before", "after downgrade"))
                .containsExactly("column candidates.nickname: in after downgrade, not in before");
    }

    @Test
    void roundtripNamesARevisionWithoutADowngrade() {
        workspace.files().revision("a1", null, "CREATE TABLE t (id int);", null);

        RoundtripResult result = workspace.retort().roundtrip().blockLast(PATIENCE);

        assertThat(result.outcome()).isEqualTo(Outcome.NO_DOWNGRADE);
        assertThat(result.detail()).contains("a1");
    }

    @Test
    void aReplayThatFailsMidwayReportsItAndDropsTheShadow() {
        workspace.files().revision("a1", null, "CREATE TABLE t (id int);", null)
                .revision("b2", "a1", "SELECT no_such_function();", null);

        assertThatThrownBy(() -> workspace.retort().schemaOf(Target.HEADS).block(PATIENCE))
                .isInstanceOf(MigrationExecutionException.class).hasMessageContaining("b2");
    }

    @Test
    void aCancelledReplayDropsTheShadow() throws InterruptedException {
        workspace.files().revision("a1", null, "SELECT pg_sleep(30);", null);
        Disposable replay = workspace.retort().schemaOf(Target.HEADS).subscribe();
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (shadows().isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(shadows()).as("the shadow exists while the replay runs").hasSize(1);

        replay.dispose();
    }

    @Test
    void aReplayCancelledWhileItsShadowIsBeingCreatedDropsItOnceMade() throws InterruptedException {
        threeRevisions();
        // CREATE DATABASE copies template1 under a share lock, which this open transaction's comment holds off.
        Connection blocker = Mono.from(db.connectionFactory().create()).block(PATIENCE);
        try {
            Flux.concat(Flux.from(blocker.beginTransaction()), Flux.from(blocker.createStatement(
                    "COMMENT ON DATABASE template1 IS 'held by a test'").execute()).flatMap(Result::getRowsUpdated))
                    .blockLast(PATIENCE);
            Disposable replay = workspace.retort().schemaOf(Target.HEADS).subscribe(null, error -> { });
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (waitingCreates() == 0 && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertThat(waitingCreates()).as("CREATE DATABASE waits for the lock").isEqualTo(1);

            replay.dispose();
        } finally {
            Mono.from(blocker.rollbackTransaction()).then(Mono.from(blocker.close())).block(PATIENCE);
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (runningCreates() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        Retort.shadowsDropped().block(PATIENCE);
        assertThat(shadows()).as("made after the cancel, then dropped").isEmpty();
    }

    private static long waitingCreates() {
        return db.column(CREATES + " AND wait_event_type = 'Lock'", Long.class).get(0);
    }

    private static long runningCreates() {
        return db.column(CREATES, Long.class).get(0);
    }

    private static final String CREATES = "SELECT count(*) FROM pg_stat_activity WHERE state = 'active'"
            + " AND query LIKE 'CREATE DATABASE \"retort\\_shadow\\_%'";

    @Test
    void aShadowFactoryThatMustBeClosedIsClosedBeforeItsDatabaseIsDropped() {
        threeRevisions();
        List<ClosingFactory> made = new CopyOnWriteArrayList<>();
        Retort retort = Retort.builder(db.connectionFactory()).migrations(MigrationSources.directory(workspace.directory()))
                .shadowDatabases(name -> {
                    ClosingFactory factory = new ClosingFactory(ConnectionFactories.get(db.options().mutate()
                            .option(ConnectionFactoryOptions.DATABASE, name).build()), name);
                    made.add(factory);
                    return factory;
                }).build();

        assertThat(retort.roundtrip().collectList().block(PATIENCE)).extracting(RoundtripResult::outcome)
                .containsOnly(Outcome.RESTORED).hasSize(3);
        workspace.files().revision("d4", "c3", "CREATE TABLE broken (id int REFERENCES nowhere);", null);
        assertThatThrownBy(() -> retort.schemaOf(Target.HEADS).block(PATIENCE))
                .isInstanceOf(MigrationExecutionException.class);

        assertThat(made).as("one per use, each closed once while its database still existed").hasSize(2)
                .allSatisfy(factory -> assertThat(factory.closes).containsExactly(true));
    }

    /** A shadow's factory that, like a pool, holds resources until closed; records each close. */
    private static final class ClosingFactory implements ConnectionFactory, Closeable {

        private final ConnectionFactory delegate;
        private final String database;
        /** For each close: whether the shadow database still existed. */
        private final List<Boolean> closes = new CopyOnWriteArrayList<>();

        ClosingFactory(ConnectionFactory delegate, String database) {
            this.delegate = delegate;
            this.database = database;
        }

        @Override
        public Publisher<? extends Connection> create() {
            return delegate.create();
        }

        @Override
        public ConnectionFactoryMetadata getMetadata() {
            return delegate.getMetadata();
        }

        @Override
        public Publisher<Void> close() {
            return Flux.usingWhen(db.connectionFactory().create(), c -> Flux.from(c.createStatement(
                                    "SELECT count(*) FROM pg_database WHERE datname = '" + database + "'").execute())
                            .flatMap(result -> result.map(row -> row.get(0, Long.class))),
                    Connection::close)
                    .doOnNext(count -> closes.add(count == 1))
                    .then();
        }
    }

    @Test
    void aRoleThatMayNotCreateDatabasesIsAConnectionErrorSayingWhatToDo() {
        String role = "retort_nocreatedb_" + db.name().substring(db.name().length() - 6);
        db.execute("CREATE ROLE " + role + " LOGIN; GRANT ALL ON SCHEMA public TO " + role);
        try {
            workspace.files().revision("a1", null, "CREATE TABLE t (id int);", null);
            ConnectionFactoryOptions asRole = db.options().mutate().option(ConnectionFactoryOptions.USER, role).build();
            Retort retort = Retort.builder(ConnectionFactories.get(asRole))
                    .migrations(MigrationSources.directory(workspace.directory())).shadowDatabasesLike(asRole).build();

            StepVerifier.create(retort.drift()).expectErrorSatisfies(error -> assertThat(error)
                            .isInstanceOf(ConnectionException.class).hasMessageContaining("CREATEDB")
                            .hasMessageContaining("--shadow-url"))
                    .verify(PATIENCE);
        } finally {
            db.execute("DROP OWNED BY " + role + "; DROP ROLE " + role);
        }
    }

    @Test
    void aGivenShadowIsUsedAndLeftEmptyAndANonEmptyOneIsRefusedUntouched() {
        threeRevisions();
        workspace.retort().upgrade(Target.HEADS).blockLast(PATIENCE);
        String given = db.name() + "_given";
        db.execute("DROP DATABASE IF EXISTS " + given);
        db.execute("CREATE DATABASE " + given);
        ConnectionFactoryOptions givenOptions = db.options().mutate().option(ConnectionFactoryOptions.DATABASE, given)
                .build();
        Retort retort = Retort.builder(db.connectionFactory()).migrations(MigrationSources.directory(workspace.directory()))
                .shadowDatabase(ConnectionFactories.get(givenOptions)).build();
        try {
            assertThat(retort.drift().block(PATIENCE).isEmpty()).isTrue();
            assertThat(objectsIn(givenOptions)).as("left empty").isZero();

            execute(givenOptions, "CREATE TABLE mine (id int)");
            assertThatThrownBy(() -> retort.drift().block(PATIENCE)).isInstanceOf(dev.retort.error.RetortException.class)
                    .hasMessageContaining("not empty").hasMessageContaining("nothing in it was touched");
            assertThat(objectsIn(givenOptions)).as("untouched").isEqualTo(1L);
        } finally {
            db.execute("DROP DATABASE " + given + " WITH (FORCE)");
        }
    }

    private static long objectsIn(ConnectionFactoryOptions options) {
        return reactor.core.publisher.Flux.usingWhen(ConnectionFactories.get(options).create(),
                c -> reactor.core.publisher.Flux.from(c.createStatement("SELECT count(*) FROM pg_class c JOIN pg_namespace n"
                        + " ON n.oid = c.relnamespace WHERE n.nspname = 'public'").execute())
                        .flatMap(r -> r.map(row -> row.get(0, Long.class))),
                io.r2dbc.spi.Connection::close).blockFirst(PATIENCE);
    }

    private static void execute(ConnectionFactoryOptions options, String sql) {
        reactor.core.publisher.Flux.usingWhen(ConnectionFactories.get(options).create(),
                c -> reactor.core.publisher.Flux.from(c.createStatement(sql).execute()).flatMap(r -> r.getRowsUpdated()),
                io.r2dbc.spi.Connection::close).blockLast(PATIENCE);
    }
}
