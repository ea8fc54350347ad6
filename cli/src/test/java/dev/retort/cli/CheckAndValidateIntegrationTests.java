package dev.retort.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.retort.test.database.PostgresDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.nio.file.Files;

import static dev.retort.cli.RunAssert.assertThatRun;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code check}, CI's gate (exit 0 only at the heads with no applied file edited), and
 * {@code validate} (exit 1 when an applied file was edited, 2 for invalid files; pending revisions
 * are fine). Each test starts with the database at the examples' first revision.
 */
class CheckAndValidateIntegrationTests {

    @RegisterExtension
    static final PostgresDatabase db = new PostgresDatabase();

    @RegisterExtension
    final ExampleProject project = ExampleProject.on(db);

    @BeforeEach
    void databaseAtTheFirstRevision() {
        assertThatRun(project.run("-q", "upgrade", "001_add_version_column")).succeeded();
    }

    private void editAnAppliedFile() {
        Examples.rewrite(project.migrations().resolve("000_initial_schema.sql"), "VARCHAR(50)", "VARCHAR(80)");
    }

    @Test
    void checkExitsOneWhileRevisionsArePending() {
        assertThatRun(project.run("check")).exitedWith(1).printed("1 pending revision: " + Examples.HEAD);
    }

    @Test
    void aPendingFileThatUpgradeWouldRefuseFailsValidateAndCheckAsUpgradeDoes() throws Exception {
        Files.writeString(project.migrations().resolve("003_broken.sql"), "-- revision: 003_broken\n"
                + "-- revises: " + Examples.HEAD + "\n-- message: broken\n\n-- +upgrade\n"
                + "CREATE FUNCTION f() RETURNS int AS $$ SELECT 1;\n");

        assertThatRun(project.run("upgrade")).exitedWith(2).complained("003_broken.sql:6");
        assertThatRun(project.run("validate")).exitedWith(2).printed("003_broken.sql:6")
                .printed("'retort upgrade' would refuse it before running anything");
        assertThatRun(project.run("check")).exitedWith(2).printed("003_broken.sql:6");
        assertThat(db.column("SELECT revision FROM retort_version", String.class))
                .containsExactly("001_add_version_column");
    }

    @Test
    void checkExitsZeroAtTheHeads() {
        assertThatRun(project.run("-q", "upgrade")).succeeded();

        assertThatRun(project.run("check")).succeeded().printed("Up to date.");
    }

    @Test
    void checkExitsOneWhenAnAppliedFileWasEdited() {
        assertThatRun(project.run("-q", "upgrade")).succeeded();
        editAnAppliedFile();

        assertThatRun(project.run("check")).exitedWith(1).printed("problem: ").printed("000_initial_schema");
    }

    @Test
    void checkReportsJsonWhenAsked() {
        RetortCli.Run run = project.run("check", "--json");

        assertThatRun(run).exitedWith(1);
        JsonNode report = run.json();
        assertThat(report.get("upToDate").asBoolean()).isFalse();
        assertThat(report.get("valid").asBoolean()).isTrue();
        assertThat(report.get("pending").get(0).asText()).isEqualTo(Examples.HEAD);
        assertThat(report.get("currentHeads").get(0).asText()).isEqualTo("001_add_version_column");
    }

    @Test
    void validateAcceptsPendingRevisions() {
        assertThatRun(project.run("validate")).succeeded().printed("1 pending revision");
    }

    @Test
    void validateExitsOneWhenAnAppliedFileWasEdited() {
        editAnAppliedFile();

        RetortCli.Run run = project.run("validate", "--json");

        assertThatRun(run).exitedWith(1);
        assertThat(run.json().get("problems").get(0).get("kind").asText()).isEqualTo("CHECKSUM_CHANGED");
        assertThat(run.json().get("problems").get(0).get("revision").asText()).isEqualTo("000_initial_schema");
    }

    @Test
    void validateExitsTwoForAnInvalidFileNamingItsLine() {
        Examples.write(project.migrations(), "003_typo", Examples.HEAD, "SELECT 1;", "");
        Examples.rewrite(project.migrations().resolve("003_typo.sql"), "-- revises:", "-- revisses:");

        assertThatRun(project.run("validate")).exitedWith(2).complained("migrations/003_typo.sql:2")
                .complained("revisses");
    }
}
