package dev.retort;

import dev.retort.error.ErrorCode;
import dev.retort.error.RetortException;
import dev.retort.fleet.Fleet;
import dev.retort.fleet.Tenant;
import dev.retort.fleet.TenantResult;
import dev.retort.fleet.TenantResult.Outcome;
import dev.retort.fleet.Tenants;
import dev.retort.test.database.PostgresDatabase;
import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;

import static dev.retort.test.Patience.PATIENCE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/** Tenant schemas of one database migrated at once: each its own version table and lock, failures contained. */
class FleetIntegrationTests {

    @RegisterExtension
    static final PostgresDatabase db = new PostgresDatabase();

    @RegisterExtension
    final MigrationWorkspace workspace = new MigrationWorkspace(db);

    @BeforeEach
    void sixTenantsAndUnqualifiedMigrations() {
        IntStream.rangeClosed(1, 6).forEach(i -> db.execute("CREATE SCHEMA tenant_" + i));
        workspace.files()
                .revision("a1", null, "CREATE TABLE accounts (id int PRIMARY KEY);", "DROP TABLE accounts;")
                .revision("b2", "a1", "ALTER TABLE accounts ADD COLUMN email text;", "ALTER TABLE accounts DROP COLUMN email;");
    }

    private List<Tenant> tenants() {
        return Tenants.schemas(db.connectionFactory(), "tenant_%", this::builder).block(PATIENCE);
    }

    private RetortBuilder builder(ConnectionFactory factory) {
        return Retort.builder(factory).migrations(MigrationSources.directory(workspace.directory()));
    }

    @Test
    void everyTenantGetsItsOwnTablesAndVersionTable() {
        List<TenantResult> results = Fleet.of(tenants()).parallel(3).run(r -> r.upgrade(Target.HEADS))
                .collectList().block(PATIENCE);

        assertThat(results).hasSize(6).allSatisfy(result -> {
            assertThat(result.outcome()).isEqualTo(Outcome.SUCCEEDED);
            assertThat(result.applied()).isEqualTo(2);
            assertThat(result.heads()).containsExactly("b2");
        });
        assertThat(db.column("SELECT table_schema::text FROM information_schema.columns WHERE table_name = 'accounts'"
                + " AND column_name = 'email' ORDER BY 1", String.class))
                .containsExactly("tenant_1", "tenant_2", "tenant_3", "tenant_4", "tenant_5", "tenant_6");
        assertThat(db.column("SELECT revision::text FROM tenant_4.retort_version", String.class)).containsExactly("b2");
        assertThat(workspace.tables()).as("nothing in public").isEmpty();
    }

    @Test
    void aFailingTenantStopsNewStartsButNeverLeavesAnyTenantHalfApplied() {
        db.execute("CREATE TABLE tenant_3.accounts (id int)");   // a1 fails there: the table exists

        List<TenantResult> results = Fleet.of(tenants()).parallel(1).run(r -> r.upgrade(Target.HEADS))
                .collectList().block(PATIENCE);

        assertThat(results).extracting(r -> r.tenant() + " " + r.outcome()).containsExactly("tenant_1 SUCCEEDED",
                "tenant_2 SUCCEEDED", "tenant_3 FAILED", "tenant_4 SKIPPED", "tenant_5 SKIPPED", "tenant_6 SKIPPED");
        assertThat(results.get(2).error()).isNotNull().extracting(RetortException::code)
                .isEqualTo(ErrorCode.MIGRATION_FAILED);
        assertThat(db.column("SELECT count(*) FROM pg_tables WHERE schemaname = 'tenant_3' AND tablename LIKE 'retort%'",
                Long.class)).as("tenant_3 rolled back whole").containsExactly(0L);
        assertThat(db.column("SELECT count(*) FROM pg_tables WHERE schemaname = 'tenant_5'", Long.class))
                .containsExactly(0L);
    }

    @Test
    void withKeepGoingEveryOtherTenantIsMigrated() {
        db.execute("CREATE TABLE tenant_3.accounts (id int)");

        List<TenantResult> results = Fleet.of(tenants()).parallel(2).keepGoing(true).run(r -> r.upgrade(Target.HEADS))
                .collectList().block(PATIENCE);

        assertThat(results).filteredOn(r -> r.outcome() == Outcome.SUCCEEDED).hasSize(5);
        assertThat(results).filteredOn(r -> r.outcome() == Outcome.FAILED).extracting(TenantResult::tenant)
                .containsExactly("tenant_3");
    }

    @Test
    void aFailedCanaryStartsNoOtherTenantEvenWithKeepGoing() {
        db.execute("CREATE TABLE tenant_1.accounts (id int)");

        List<TenantResult> results = Fleet.of(tenants()).canary(1).keepGoing(true).run(r -> r.upgrade(Target.HEADS))
                .collectList().block(PATIENCE);

        assertThat(results.get(0).outcome()).isEqualTo(Outcome.FAILED);
        assertThat(results.subList(1, 6)).allMatch(r -> r.outcome() == Outcome.SKIPPED);
        assertThat(db.column("SELECT count(*) FROM pg_tables WHERE schemaname LIKE 'tenant_%' AND tablename LIKE 'retort%'",
                Long.class)).containsExactly(0L);
    }

    @Test
    void aPatternThatMatchesNothingIsAnError() {
        Throwable none = catchThrowable(() -> Tenants.schemas(db.connectionFactory(), "customer_%", this::builder)
                .block(PATIENCE));

        assertThat(none).isInstanceOfSatisfying(RetortException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_CONFIGURATION)).hasMessageContaining("customer_%");
    }

    @Test
    void cancellingTheFleetLeavesEveryTenantAtARevisionBoundaryWithItsLockFree() throws InterruptedException {
        workspace.files().revision("c3", "b2", "SELECT pg_sleep(3); CREATE TABLE slow (id int);", "DROP TABLE slow;");

        Disposable fleet = Fleet.of(tenants()).parallel(2).run(r -> r.upgrade(Target.HEADS)).subscribe();
        Thread.sleep(1_500);
        fleet.dispose();

        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (advisoryLocks() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(advisoryLocks()).isZero();
        assertThat(db.column("SELECT count(*) FROM pg_tables WHERE tablename = 'slow'", Long.class))
                .containsExactly(0L);
        List<TenantResult> rerun = Fleet.of(tenants()).parallel(6).run(r -> r.upgrade(Target.HEADS))
                .collectList().block(PATIENCE.plus(Duration.ofSeconds(30)));
        assertThat(rerun).allMatch(r -> r.outcome() == Outcome.SUCCEEDED && r.heads().equals(List.of("c3")));
    }

    /** The tail: a tenant waiting for its lock does not hold back the others, which finish first. */
    @Test
    void aSlowTenantDoesNotHoldTheOthersBack() {
        List<Tenant> tenants = tenants();
        long key = tenants.get(0).retort().lockKey();
        Connection holder = Mono.from(db.connectionFactory().create()).block(PATIENCE);
        try {
            Flux.from(holder.createStatement("SELECT pg_advisory_lock(" + key + ")").execute())
                    .flatMap(result -> result.map(row -> 1)).blockLast(PATIENCE);
            Mono.delay(Duration.ofSeconds(3)).then(Flux.from(holder.createStatement("SELECT pg_advisory_unlock(" + key
                    + ")").execute()).flatMap(result -> result.map(row -> 1)).then()).subscribe();

            List<TenantResult> results = Fleet.of(tenants).parallel(2).run(r -> r.upgrade(Target.HEADS))
                    .collectList().block(PATIENCE);

            assertThat(results).extracting(TenantResult::tenant).last().isEqualTo("tenant_1");
            assertThat(results).allMatch(r -> r.outcome() == Outcome.SUCCEEDED);
            assertThat(results.subList(0, 5)).allMatch(r -> r.duration().compareTo(Duration.ofSeconds(2)) < 0);
            assertThat(results.get(5).duration()).isGreaterThanOrEqualTo(Duration.ofSeconds(2));
        } finally {
            Mono.from(holder.close()).block(PATIENCE);
        }
    }

    /** A tenant another run holds past the lock timeout fails alone; with keep-going the others are migrated. */
    @Test
    void aTenantLockedPastItsTimeoutFailsAloneAndTheOthersAreMigrated() {
        List<Tenant> tenants = Tenants.schemas(db.connectionFactory(), "tenant_%",
                factory -> builder(factory).lockTimeout(Duration.ofMillis(500))).block(PATIENCE);
        long key = tenants.get(1).retort().lockKey();
        Connection holder = Mono.from(db.connectionFactory().create()).block(PATIENCE);
        try {
            Flux.from(holder.createStatement("SELECT pg_advisory_lock(" + key + ")").execute())
                    .flatMap(result -> result.map(row -> 1)).blockLast(PATIENCE);

            List<TenantResult> results = Fleet.of(tenants).parallel(3).keepGoing(true).run(r -> r.upgrade(Target.HEADS))
                    .collectList().block(PATIENCE);

            assertThat(results).filteredOn(r -> r.outcome() == Outcome.FAILED).singleElement().satisfies(failed -> {
                assertThat(failed.tenant()).isEqualTo("tenant_2");
                assertThat(failed.error()).isNotNull().extracting(RetortException::code).isEqualTo(ErrorCode.LOCK_TIMEOUT);
            });
            assertThat(results).filteredOn(r -> r.outcome() == Outcome.SUCCEEDED).hasSize(5);
            assertThat(db.column("SELECT count(*) FROM pg_tables WHERE schemaname = 'tenant_2'", Long.class))
                    .containsExactly(0L);
        } finally {
            Mono.from(holder.close()).block(PATIENCE);
        }
    }

    private long advisoryLocks() {
        return db.column("SELECT count(*) FROM pg_locks WHERE locktype = 'advisory'", Long.class).get(0);
    }
}
