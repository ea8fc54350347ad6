package dev.retort.cli;

import dev.retort.test.database.PostgresDatabase;
import dev.retort.test.Psql;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static dev.retort.cli.RunAssert.assertThatRun;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code revision --autogenerate} and {@code diff --sql}, run as a process: a development database
 * changed by hand becomes a revision that makes exactly its schema on a fresh database and, run
 * back, exactly the schema before; {@code pg_dump --schema-only} is the judge.
 */
class AutogenerateIntegrationTests {

    /** A change of every kind DESIGN.md's proof names, made by hand on the examples' schema. */
    private static final String BY_HAND = """
            CREATE TYPE priority AS ENUM ('low', 'normal', 'high');
            ALTER TABLE candidates ADD COLUMN priority priority NOT NULL DEFAULT 'normal';
            CREATE TABLE interviews (
                id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                candidate_id uuid NOT NULL REFERENCES candidates (id) ON DELETE CASCADE,
                held_at timestamptz NOT NULL DEFAULT now(),
                notes varchar(200)
            );
            CREATE INDEX interviews_candidate ON interviews (candidate_id);
            COMMENT ON TABLE interviews IS 'Interviews held with candidates';
            CREATE VIEW open_candidates AS SELECT id, company_name, priority FROM candidates WHERE status = 'pending';
            ALTER TABLE candidates DROP CONSTRAINT truck_count_positive;
            ALTER TABLE candidates ALTER COLUMN phone TYPE varchar(80);
            CREATE FUNCTION interviews_touch() RETURNS trigger LANGUAGE plpgsql
                AS $$BEGIN NEW.held_at := now(); RETURN NEW; END$$;
            CREATE TRIGGER interviews_touch BEFORE UPDATE ON interviews FOR EACH ROW EXECUTE FUNCTION interviews_touch();
            CREATE EXTENSION IF NOT EXISTS postgis;
            ALTER TABLE interviews ADD COLUMN place geometry(Point, 4326);
            CREATE INDEX interviews_place ON interviews USING gist (place);
            """;

    @RegisterExtension
    static final PostgresDatabase dev = new PostgresDatabase();

    @RegisterExtension
    static final PostgresDatabase fresh = new PostgresDatabase();

    @RegisterExtension
    final ExampleProject project = ExampleProject.on(dev);

    /** Both databases start alike: the project resets {@code dev}'s public schema, so this resets {@code fresh}'s. */
    @BeforeEach
    void resetFresh() {
        fresh.reset();
    }

    @Test
    void aRevisionWrittenFromChangesByHandMakesTheirSchemaAndItsDowngradeTheOneBefore() throws Exception {
        assertThatRun(project.run("-q", "upgrade")).succeeded();
        String before = Psql.dumpSchema(dev);
        Psql.apply(dev, BY_HAND);

        assertThatRun(project.run("revision", "--autogenerate", "-m", "interviews")).succeeded()
                .printed("Created migrations/003_interviews.sql");
        String file = Files.readString(project.migrations().resolve("003_interviews.sql"));
        assertThat(file).startsWith("-- revision: 003_interviews\n-- revises: " + Examples.HEAD + "\n")
                .contains("CREATE TABLE interviews (\n    id bigint GENERATED ALWAYS AS IDENTITY NOT NULL,")
                .contains("-- WARNING: drops table interviews and its rows\nDROP TABLE interviews;");

        assertThatRun(project.run("-q", "--url", fresh.url(), "upgrade")).succeeded();
        assertThat(Psql.dumpSchema(fresh)).as("a fresh database upgraded through the new revision")
                .isEqualTo(Psql.dumpSchema(dev));
        assertThatRun(project.run("-q", "--url", fresh.url(), "downgrade", "-1")).succeeded();
        assertThat(Psql.dumpSchema(fresh)).as("the same after downgrade -1").isEqualTo(before);

        assertThatRun(project.run("-q", "stamp", "heads")).succeeded();
        assertThatRun(project.run("check")).succeeded().printed("No drift");
    }

    @Test
    void diffSqlPrintsOnlyAScriptThatPsqlRunsToTheSameSchema() throws Exception {
        assertThatRun(project.run("-q", "upgrade")).succeeded();
        assertThatRun(project.run("-q", "--url", fresh.url(), "upgrade")).succeeded();
        Psql.apply(dev, BY_HAND);

        RetortCli.Run diff = project.run("diff", "--sql");
        assertThatRun(diff).exitedWith(1);
        assertThat(diff.stdout()).startsWith("BEGIN;\n\n").endsWith("\nCOMMIT;\n").doesNotContain("differences");
        Path script = Files.writeString(project.directory().resolve("changes.sql"), diff.stdout());
        Psql.apply(fresh, script);
        assertThat(Psql.dumpSchema(fresh)).isEqualTo(Psql.dumpSchema(dev));

        RetortCli.Run none = project.run("--url", fresh.url(), "diff", "--sql", "--from", "url:" + dev.url());
        assertThatRun(none).succeeded();
        assertThat(none.stdout()).isEmpty();
    }

    @Test
    void withoutDifferencesNoFileIsWritten() throws IOException {
        assertThatRun(project.run("-q", "upgrade")).succeeded();

        assertThatRun(project.run("revision", "--autogenerate", "-m", "nothing")).succeeded()
                .printed("No differences between the migrations at " + Examples.HEAD + " and the database: no file"
                        + " written.");
        assertThat(files()).hasSize(3);
    }

    @Test
    void aTargetThatCannotBeReadOrADifferenceThatCannotBeWrittenLeavesNoFileAndTheDatabaseAsItWas() throws Exception {
        assertThatRun(project.run("-q", "upgrade")).succeeded();
        Psql.apply(dev, "CREATE TABLE prices (net int, gross int GENERATED ALWAYS AS (net * 2) STORED);");
        assertThatRun(project.run("-q", "revision", "--autogenerate", "-m", "prices")).succeeded();
        assertThatRun(project.run("-q", "stamp", "heads")).succeeded();
        Psql.apply(dev, "ALTER TABLE prices DROP COLUMN gross;"
                + " ALTER TABLE prices ADD COLUMN gross int GENERATED ALWAYS AS (net * 3) STORED;");
        String schema = Psql.dumpSchema(dev);
        String history = String.join(",", dev.column("SELECT revision FROM retort_history ORDER BY id", String.class));

        assertThatRun(project.run("revision", "--autogenerate", "-m", "reordered")).exitedWith(1)
                .complained("column prices.gross: its generation expression differs; drop the column and add it again")
                .complained("write the migration by hand");
        assertThatRun(project.run("revision", "--autogenerate", "-m", "x", "--to", "url:" + ExampleProject.UNREACHABLE_URL))
                .exitedWith(3);
        assertThatRun(project.run("revision", "--autogenerate", "-m", "x", "--to", "elsewhere")).exitedWith(2)
                .complained("Unknown schema source 'elsewhere'");

        assertThat(files()).hasSize(4);
        assertThat(Psql.dumpSchema(dev)).as("--autogenerate only reads the --url database").isEqualTo(schema);
        assertThat(String.join(",", dev.column("SELECT revision FROM retort_history ORDER BY id", String.class)))
                .isEqualTo(history);
    }

    private List<Path> files() throws IOException {
        try (Stream<Path> files = Files.list(project.migrations())) {
            return files.toList();
        }
    }
}
