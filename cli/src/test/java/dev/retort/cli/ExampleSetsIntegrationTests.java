package dev.retort.cli;

import dev.retort.test.database.PostgresDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;
import java.util.List;

import static dev.retort.cli.RunAssert.assertThatRun;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The four seed systems' example sets in {@code migrations/}, each as its team would use it:
 * upgraded to head, downgraded to base leaving nothing behind, upgraded again, with no drift from
 * its migrations and every downgrade restoring the schema; and the author service's production
 * database, created by hand before Retort, stamped (seed 004).
 */
class ExampleSetsIntegrationTests {

    @RegisterExtension
    static final PostgresDatabase db = new PostgresDatabase();

    /** What a migration set can leave in a database, Retort's own tables and plpgsql aside. */
    private static final String LEFT_BEHIND = "SELECT kind || ' ' || name FROM ("
            + " SELECT 'relation' AS kind, c.relname::text AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
            + "  WHERE n.nspname = 'public' AND c.relname NOT LIKE 'retort\\_%'"
            + " UNION ALL SELECT 'type', t.typname::text FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace"
            + "  WHERE n.nspname = 'public' AND t.typtype IN ('e', 'd', 'c', 'r') AND NOT EXISTS"
            + "  (SELECT 1 FROM pg_class c WHERE c.reltype = t.oid)"
            + " UNION ALL SELECT 'function', p.proname::text FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace"
            + "  WHERE n.nspname = 'public'"
            + " UNION ALL SELECT 'extension', extname::text FROM pg_extension WHERE extname <> 'plpgsql'"
            + " UNION ALL SELECT 'schema', nspname::text FROM pg_namespace WHERE nspname NOT IN ('public', 'information_schema')"
            + "  AND nspname NOT LIKE 'pg\\_%') objects ORDER BY 1";

    @TempDir
    Path workingDirectory;

    @ParameterizedTest
    @ValueSource(strings = {"provider-registration", "truck-tickets", "arxos", "author-service"})
    void upgradesDowngradesToNothingUpgradesAgainWithoutDriftAndEveryDowngradeRestores(String set) {
        db.reset();
        RetortCli retort = new RetortCli(workingDirectory).env("RETORT_URL", db.url())
                .env("RETORT_MIGRATIONS", Examples.set(set).toString());

        assertThatRun(retort.run("-q", "upgrade", "head")).succeeded();
        List<String> atHead = db.column(LEFT_BEHIND, String.class);
        assertThat(atHead).isNotEmpty();

        assertThatRun(retort.run("-q", "downgrade", "base")).succeeded();
        assertThat(db.column(LEFT_BEHIND, String.class)).isEmpty();

        assertThatRun(retort.run("-q", "upgrade", "head")).succeeded();
        assertThat(db.column(LEFT_BEHIND, String.class)).isEqualTo(atHead);
        assertThatRun(retort.run("check")).succeeded();
        assertThatRun(retort.run("roundtrip")).succeeded();
    }

    @Test
    void arxosReachesTheSeedsFiguresOfIndexesAndForeignKeys() {
        db.reset();
        RetortCli retort = new RetortCli(workingDirectory).env("RETORT_URL", db.url())
                .env("RETORT_MIGRATIONS", Examples.set("arxos").toString());

        assertThatRun(retort.run("-q", "upgrade", "head")).succeeded();

        assertThat(db.column("SELECT count(*) FROM pg_tables WHERE schemaname = 'public' AND tablename NOT LIKE 'retort%'"
                + " AND tablename <> 'spatial_ref_sys'", Long.class)).containsExactly(20L);
        assertThat(db.column("SELECT count(*) FROM pg_indexes WHERE schemaname = 'public' AND tablename NOT LIKE 'retort%'"
                + " AND tablename <> 'spatial_ref_sys'", Long.class).get(0)).isGreaterThanOrEqualTo(100L);
        assertThat(db.column("SELECT count(*) FROM pg_constraint WHERE contype = 'f'", Long.class).get(0))
                .isGreaterThanOrEqualTo(30L);
        assertThat(db.column("SELECT count(*) FROM pg_indexes WHERE schemaname = 'public' AND indexdef LIKE '%USING gist%'",
                Long.class).get(0)).isPositive();
    }

    /** Seed 004: the production database had the author table before the team adopted migrations. */
    @Test
    void anExistingAuthorDatabaseIsStampedTrulyThenUpgraded() {
        db.reset();
        db.execute("CREATE TABLE author (id SERIAL NOT NULL, name VARCHAR NOT NULL, PRIMARY KEY (id));"
                + " INSERT INTO author (name) VALUES ('Ursula K. Le Guin')");
        RetortCli retort = authorService();

        assertThatRun(retort.run("stamp", "001")).succeeded();
        assertThatRun(retort.run("diff")).succeeded().printed("No differences");
        assertThatRun(retort.run("upgrade", "head")).succeeded();
        assertThatRun(retort.run("check")).succeeded();
        assertThat(db.column("SELECT name FROM author", String.class)).containsExactly("Ursula K. Le Guin");
        assertThat(db.column("SELECT revision::text FROM retort_version", String.class))
                .containsExactly("004_merge_migrations");
    }

    /** A database that drifted before it was stamped: the stamp is not true, and diff says where. */
    @Test
    void aDriftedAuthorDatabaseStampedAnywayShowsTheDifference() {
        db.reset();
        db.execute("CREATE TABLE author (id SERIAL NOT NULL, name VARCHAR(100) NOT NULL, nickname text,"
                + " PRIMARY KEY (id))");
        RetortCli retort = authorService();

        assertThatRun(retort.run("stamp", "001")).succeeded();
        assertThatRun(retort.run("diff")).exitedWith(1)
                .printed("column author.nickname: in the database, not in the migrations")
                .printed("column author.name");
    }

    private RetortCli authorService() {
        return new RetortCli(workingDirectory).env("RETORT_URL", db.url())
                .env("RETORT_MIGRATIONS", Examples.set("author-service").toString());
    }
}
