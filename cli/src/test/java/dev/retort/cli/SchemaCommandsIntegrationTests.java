package dev.retort.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.retort.test.database.PostgresDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static dev.retort.cli.RunAssert.assertThatRun;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code schema}, {@code diff}, drift in {@code check}, and {@code roundtrip}, run as a process. */
class SchemaCommandsIntegrationTests {

    @RegisterExtension
    static final PostgresDatabase db = new PostgresDatabase();

    @RegisterExtension
    final ExampleProject project = ExampleProject.on(db);

    @AfterEach
    void noShadowSurvives() {
        assertThat(shadows()).isEmpty();
    }

    private static List<String> shadows() {
        return db.column("SELECT datname::text FROM pg_database WHERE datname LIKE 'retort\\_shadow\\_%'", String.class);
    }

    private String history() {
        return String.join("\n", db.column("SELECT revision || operation || success FROM retort_history ORDER BY id",
                String.class));
    }

    @Test
    void schemaShowsTheTablesAndItsJsonReadsBackAsTheSameSchema() throws IOException {
        assertThatRun(project.run("-q", "upgrade")).succeeded();

        assertThatRun(project.run("schema")).succeeded().printed("table candidates").printed("column candidates.version")
                .printed("trigger candidates.");
        RetortCli.Run json = project.run("schema", "--json");
        Files.writeString(project.directory().resolve("before.json"), json.stdout());

        assertThatRun(project.run("diff", "--from", "snapshot:before.json", "--to", "database")).succeeded()
                .printed("No differences");
        assertThat(json.json().get("objects").findValuesAsText("name")).contains("candidates", "candidates.version")
                .noneMatch(name -> name.startsWith("retort_"));
    }

    @Test
    void checkFindsAChangeMadeByHandAndDiffNamesIt() {
        assertThatRun(project.run("-q", "upgrade")).succeeded();
        assertThatRun(project.run("check")).succeeded().printed("No drift");
        db.execute("ALTER TABLE candidates ADD COLUMN nickname text");
        String before = history();

        assertThatRun(project.run("check")).exitedWith(1)
                .printed("column candidates.nickname: in the database, not in the migrations");
        assertThatRun(project.run("check", "--no-drift")).succeeded();
        assertThatRun(project.run("diff")).exitedWith(1)
                .printed("column candidates.nickname: in the database, not in the migrations");
        JsonNode change = project.run("diff", "--json").json().get("changes").get(0);
        assertThat(change.get("kind").asText()).isEqualTo("column");
        assertThat(change.get("type").asText()).isEqualTo("ADDED");
        assertThat(history()).as("the database is only read").isEqualTo(before);
    }

    @Test
    void checkComparesTheSchemaEvenWithAnEditedFileAndSaysWhenItCannot() {
        assertThatRun(project.run("-q", "upgrade")).succeeded();
        // A fixed downgrade: the file changed, what it makes did not.
        Examples.rewrite(project.migrations().resolve(Examples.HEAD + ".sql"), "DROP COLUMN rejection_reason;",
                "DROP COLUMN IF EXISTS rejection_reason;");

        assertThatRun(project.run("check")).exitedWith(1).printed("changed after it was applied").printed("No drift")
                .printed("if the edit only fixes its downgrade, 'retort stamp " + Examples.HEAD + "' records the file");
        assertThatRun(project.run("-q", "stamp", Examples.HEAD)).succeeded();
        assertThatRun(project.run("check")).succeeded().printed("No drift");

        Examples.rewrite(project.migrations().resolve(Examples.HEAD + ".sql"), "rejection_reason TEXT;",
                "rejection_reason VARCHAR(500);");
        db.execute("ALTER TABLE candidates ADD COLUMN nickname text");
        assertThatRun(project.run("check")).exitedWith(1).printed("changed after it was applied")
                .printed("or by the edited files above")
                .printed("column candidates.nickname: in the database, not in the migrations")
                .printed("column candidates.rejection_reason: type differs");

        db.execute("UPDATE retort_version SET revision = 'ghost'");
        assertThatRun(project.run("check")).exitedWith(1)
                .printed("drift not checked: the database is at a revision no file defines");
        assertThat(project.run("check", "--json").json().get("driftNotChecked").asText())
                .isEqualTo("the database is at a revision no file defines");
        assertThat(project.run("check", "--no-drift").stdout()).doesNotContain("drift");
    }

    @Test
    void diffComparesAnySourcesNamed() {
        assertThatRun(project.run("-q", "upgrade", "000_initial_schema")).succeeded();

        assertThatRun(project.run("diff", "--from", "migrations@000_initial_schema", "--to", "migrations")).exitedWith(1)
                .printed("column candidates.version: in the migrations at their heads, not in the migrations at"
                        + " 000_initial_schema");
        assertThatRun(project.run("diff", "--from", "migrations@current", "--to", "url:" + db.url())).succeeded();
    }

    @Test
    void aScriptSourceIsRunInAShadowAndAFailingOneIsNamedWithItsLine() throws IOException {
        Files.writeString(project.directory().resolve("ok.sql"), "CREATE TABLE t (id int);\n");
        Files.writeString(project.directory().resolve("bad.sql"), "CREATE TABLE t (id int);\n\nSELECT no_such();\n");

        assertThatRun(project.run("diff", "--from", "file:ok.sql", "--to", "file:ok.sql")).succeeded();
        assertThatRun(project.run("diff", "--from", "file:bad.sql", "--to", "database")).exitedWith(2)
                .complained("bad.sql:3").complained("no_such");
    }

    @Test
    void sourcesThatCannotBeReadAreNamedAndChangeNothing() throws IOException {
        Files.writeString(project.directory().resolve("damaged.json"), "{\"objects\": [ {\"kind\": ");
        assertThatRun(project.run("-q", "upgrade")).succeeded();
        String before = history();

        assertThatRun(project.run("diff", "--from", "snapshot:missing.json")).exitedWith(2).complained("missing.json");
        assertThatRun(project.run("diff", "--from", "snapshot:damaged.json")).exitedWith(2).complained("damaged.json")
                .complained("retort schema --json");
        assertThatRun(project.run("diff", "--from", "elsewhere")).exitedWith(2).complained("Unknown schema source");
        assertThatRun(project.run("diff", "--to", "url:r2dbc:postgresql://postgres@127.0.0.1:1/x")).exitedWith(3);
        assertThat(history()).isEqualTo(before);
    }

    @Test
    void roundtripPassesForTheExamplesAndNamesADowngradeThatLeavesSomethingBehind() {
        assertThatRun(project.run("roundtrip")).succeeded().printed("ok    " + Examples.HEAD)
                .printed("Every downgrade restores the schema (3 revisions)");
        assertThatRun(project.run("roundtrip", "001_add_version_column:")).succeeded()
                .printed("Every downgrade restores the schema (2 revisions)");
        Examples.rewrite(project.migrations().resolve(Examples.HEAD + ".sql"), "ALTER TABLE candidates DROP COLUMN",
                "-- ALTER TABLE candidates DROP COLUMN");

        assertThatRun(project.run("roundtrip")).exitedWith(1).printed("FAIL  " + Examples.HEAD)
                .printed("in the schema after the downgrade, not in the schema before the upgrade");
        assertThat(db.column("SELECT count(*) FROM pg_tables WHERE schemaname = 'public'", Long.class))
                .as("the database under --url is not written").containsExactly(0L);
    }

    @Test
    void aRoleWithoutCreatedbIsToldAboutShadowUrlAndAGivenShadowWorks() {
        String role = "retort_cli_nocreatedb";
        String given = db.name() + "_shadow";
        db.execute("DROP ROLE IF EXISTS " + role + "; CREATE ROLE " + role + " LOGIN");
        db.execute("CREATE DATABASE " + given + " OWNER " + role);
        try {
            assertThatRun(project.run("-q", "upgrade")).succeeded();
            db.execute("GRANT USAGE ON SCHEMA public TO " + role + "; GRANT SELECT ON ALL TABLES IN SCHEMA public TO "
                    + role);
            String asRole = db.url().replaceFirst("//[^@]*@", "//" + role + "@");

            assertThatRun(project.run("diff", "--url", asRole)).exitedWith(3).complained("CREATEDB")
                    .complained("--shadow-url");
            assertThatRun(project.run("diff", "--url", asRole, "--shadow-url", asRole.replace("/" + db.name(), "/" + given)))
                    .succeeded().printed("No differences");
        } finally {
            db.execute("DROP DATABASE IF EXISTS " + given + " WITH (FORCE)");
            db.execute("DROP OWNED BY " + role + "; DROP ROLE " + role);
        }
    }

    @Test
    void aTerminatedRoundtripDropsItsShadow() throws Exception {
        Files.writeString(project.migrations().resolve("003_slow.sql"), "-- revises: " + Examples.HEAD
                + "\n-- +upgrade\nSELECT pg_sleep(30);\n-- +downgrade\nSELECT 1;\n");
        Path stderr = project.directory().resolve("stderr.txt");
        Process run = project.cli().start(ProcessBuilder.Redirect.to(stderr.toFile()), "roundtrip");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (db.column("SELECT count(*) FROM pg_stat_activity WHERE query LIKE 'SELECT pg_sleep(30)%'", Long.class)
                .get(0) == 0 && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(shadows()).hasSize(1);

        run.destroy();
        assertThat(run.waitFor(40, TimeUnit.SECONDS)).isTrue();
        assertThat(shadows()).isEmpty();
        assertThat(Files.readString(stderr)).contains("Interrupted").doesNotContain("Unexpected");
    }
}
