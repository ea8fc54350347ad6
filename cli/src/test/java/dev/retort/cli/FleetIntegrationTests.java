package dev.retort.cli;

import dev.retort.test.MigrationFiles;
import dev.retort.test.database.PostgresDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import static dev.retort.cli.RunAssert.assertThatRun;
import static org.assertj.core.api.Assertions.assertThat;

/** A fleet from the command line: tenant schemas by pattern or from a file, failures, a kill midway. */
class FleetIntegrationTests {

    @RegisterExtension
    static final PostgresDatabase db = new PostgresDatabase();

    @TempDir
    Path directory;

    private RetortCli retort;

    @BeforeEach
    void fourTenants() {
        db.reset();
        IntStream.rangeClosed(1, 4).forEach(i -> db.execute("CREATE SCHEMA tenant_" + i));
        new MigrationFiles(directory.resolve("migrations"))
                .revision("a1", null, "CREATE TABLE accounts (id int PRIMARY KEY);", "DROP TABLE accounts;")
                .revision("b2", "a1", "ALTER TABLE accounts ADD COLUMN email text;", "ALTER TABLE accounts DROP COLUMN email;");
        retort = new RetortCli(directory).env("RETORT_URL", db.url()).env("RETORT_MIGRATIONS", "migrations");
    }

    @Test
    void everySchemaMatchingThePatternIsMigratedWithALinePerTenant() {
        assertThatRun(retort.run("upgrade", "--schemas", "tenant_%", "--parallel", "2")).succeeded()
                .printed("ok       tenant_1  2 revisions").printed("ok       tenant_4  2 revisions")
                .printed("Fleet: 4 tenants in").printed("4 ok, 0 failed, 0 not started.");

        assertThat(db.column("SELECT table_schema::text FROM information_schema.tables WHERE table_name = 'retort_version'"
                + " ORDER BY 1", String.class)).containsExactly("tenant_1", "tenant_2", "tenant_3", "tenant_4");
        assertThatRun(retort.run("downgrade", "-1", "--schemas", "tenant_3")).succeeded();
        assertThatRun(retort.run("check", "--schemas", "tenant_%")).exitedWith(1).printed("tenant_3:\n")
                .printed("1 pending revision: b2").printed("4 tenants, 1 failing.");
        db.execute("ALTER TABLE tenant_2.accounts ADD COLUMN nickname text");
        assertThatRun(retort.run("upgrade", "-q", "--schemas", "tenant_3")).succeeded();
        assertThatRun(retort.run("check", "--schemas", "tenant_%")).exitedWith(1)
                .printed("tenant_2:\nDatabase at b2.\nUp to date.\ndrift:").printed("column accounts.nickname: in the database, not in the migrations")
                .printed("4 tenants, 1 failing.");
        assertThatRun(retort.run("downgrade", "-q", "-1", "--schemas", "tenant_3")).succeeded();
        assertThatRun(retort.run("lint", "--schemas", "tenant_%")).succeeded().printed("tenant_3:\n")
                .printed("Linted 1 pending revision: 0 errors, 1 warning.").printed("No findings in 0 pending revisions.");
        assertThatRun(retort.run("current", "--schemas", "tenant_%")).succeeded().printed("tenant_2  b2\n")
                .printed("tenant_3  a1  1 pending").printed("4 tenants, 1 with pending revisions.");
        assertThat(retort.run("downgrade", "base", "--schemas", "tenant_%", "--json").stdout().lines()
                .filter(line -> line.contains("\"tenant\"")).count()).isEqualTo(4);
    }

    @Test
    void atATerminalAStatusLineShowsTheRunningTenants() {
        assertThat(RetortCli.terminalAvailable()).as("script(1), from util-linux, gives the CLI a terminal").isTrue();

        RetortCli.Run run = retort.runOnTerminal("upgrade", "--schemas", "tenant_%", "--parallel", "2");

        assertThatRun(run).succeeded();
        assertThat(run.stdout()).containsPattern("\\[[0-3]/4\\] 0 failed, [1-3] running; slowest: tenant_")
                .contains("4 ok, 0 failed, 0 not started");
    }

    @Test
    void aFailingTenantIsTheExitCodeAndTheOthersAreNotStartedUnlessKeepGoing() {
        db.execute("CREATE TABLE tenant_2.accounts (id int)");

        assertThatRun(retort.run("upgrade", "--schemas", "tenant_%", "--parallel", "1")).exitedWith(1)
                .printed("FAILED   tenant_2").printed("skipped  tenant_3  not started")
                .printed("1 ok, 1 failed, 2 not started. Failed: tenant_2.");
        assertThatRun(retort.run("upgrade", "--schemas", "tenant_%", "--keep-going")).exitedWith(1)
                .printed("3 ok, 1 failed, 0 not started.");
        assertThat(db.column("SELECT count(*) FROM pg_tables WHERE schemaname = 'tenant_2' AND tablename LIKE 'retort%'",
                Long.class)).containsExactly(0L);
    }

    @Test
    void aBadTenantsLineOrAPatternMatchingNothingRunsNothing() throws IOException {
        Path tenants = Files.writeString(directory.resolve("tenants.txt"), "# tenants\nschema:tenant_1\n\nmysql://x/y\n");

        assertThatRun(retort.run("upgrade", "--tenants", tenants.toString())).exitedWith(2)
                .complained("tenants.txt:4").complained("neither a database URL nor schema:NAME");
        assertThatRun(retort.run("upgrade", "--schemas", "customer_%")).exitedWith(2)
                .complained("No schema matches 'customer_%'");
        assertThat(db.column("SELECT count(*) FROM pg_tables WHERE tablename LIKE 'retort%'", Long.class))
                .containsExactly(0L);

        // An unreachable tenant fails alone (exit 3, the worst); the reachable one is migrated.
        Files.writeString(tenants, "r2dbc:postgresql://postgres@127.0.0.1:1/gone\nschema:tenant_3\n");
        assertThatRun(retort.run("upgrade", "--tenants", tenants.toString(), "--keep-going")).exitedWith(3)
                .printed("FAILED   r2dbc:postgresql://postgres@127.0.0.1:1/gone  Cannot connect")
                .printed("1 ok, 1 failed, 0 not started.");
        assertThat(db.column("SELECT count(*) FROM pg_tables WHERE schemaname = 'tenant_3' AND tablename = 'retort_version'",
                Long.class)).containsExactly(1L);
        assertThatRun(retort.run("check", "--tenants", tenants.toString())).exitedWith(3)
                .printed("r2dbc:postgresql://postgres@127.0.0.1:1/gone:\nerror: Cannot connect")
                .printed("tenant_3:\nDatabase at b2.\nUp to date.\nNo drift").printed("2 tenants, 1 failing.");

        Files.writeString(tenants, "schema:tenant_1\n" + db.url() + "\n");
        assertThatRun(retort.run("upgrade", "--tenants", tenants.toString())).succeeded().printed("2 ok");
        assertThat(db.column("SELECT table_schema::text FROM information_schema.tables WHERE table_name = 'retort_version'"
                + " ORDER BY 1", String.class)).containsExactly("public", "tenant_1", "tenant_3");
    }

    @Test
    void aKilledFleetLeavesEveryTenantAtARevisionBoundaryAndARerunCompletesThem() throws Exception {
        new MigrationFiles(directory.resolve("migrations"))
                .revision("c3", "b2", "SELECT pg_sleep(1); CREATE TABLE slow (id int);", "DROP TABLE slow;");
        Process fleet = retort.start("upgrade", "--schemas", "tenant_%", "--parallel", "2");
        Thread.sleep(2_500);
        fleet.destroyForcibly();
        assertThat(fleet.waitFor(30, TimeUnit.SECONDS)).isTrue();

        for (int i = 1; i <= 4; i++) {
            String schema = "tenant_" + i;
            long slow = db.column("SELECT count(*) FROM pg_tables WHERE schemaname = '" + schema + "' AND tablename = 'slow'",
                    Long.class).get(0);
            boolean versioned = db.column("SELECT count(*) FROM pg_tables WHERE schemaname = '" + schema
                    + "' AND tablename = 'retort_version'", Long.class).get(0) == 1;
            long atC3 = versioned ? db.column("SELECT count(*) FROM " + schema + ".retort_version WHERE revision = 'c3'",
                    Long.class).get(0) : 0;
            assertThat(slow).as(schema + ": the table exists exactly when c3 is recorded").isEqualTo(atC3);
        }
        assertThatRun(retort.run("upgrade", "--schemas", "tenant_%")).succeeded().printed("4 ok");
        assertThat(db.column("SELECT count(*) FROM pg_tables WHERE tablename = 'slow'", Long.class)).containsExactly(4L);
    }
}
