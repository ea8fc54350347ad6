package dev.retort.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.retort.test.database.PostgresDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.List;

import static dev.retort.cli.RunAssert.assertThatRun;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code upgrade} against a real database, each test from an empty schema and the example files. */
class UpgradeIntegrationTests {

    @RegisterExtension
    static final PostgresDatabase db = new PostgresDatabase();

    @RegisterExtension
    final ExampleProject project = ExampleProject.on(db);

    @Test
    void toARevisionStopsThere() {
        assertThatRun(project.run("upgrade", "001_add")).succeeded().printed("upgrade 001_add_version_column");

        assertThat(DatabaseReadings.versions(db)).containsExactly("001_add_version_column");
        assertThat(DatabaseReadings.candidateColumns(db)).contains("version").doesNotContain("rejection_reason");
    }

    @Test
    void relativeStepsApplyOneRevisionAtATime() {
        assertThatRun(project.run("upgrade", "+1")).succeeded();
        assertThatRun(project.run("upgrade", "+1")).succeeded();

        assertThat(DatabaseReadings.versions(db)).containsExactly("001_add_version_column");
    }

    @Test
    void scriptsInASubdirectoryAreNotReadAndTheRunSaysSo() throws java.io.IOException {
        java.nio.file.Path archive = java.nio.file.Files.createDirectories(project.migrations().resolve("archive/2025"));
        Examples.write(archive, "zz_old", Examples.HEAD, "CREATE TABLE old_one (id int);", "");

        assertThatRun(project.run("upgrade")).succeeded().complained("warning: archive/ holds .sql files that"
                + " Retort does not read");
        assertThat(DatabaseReadings.versions(db)).containsExactly(Examples.HEAD);
        assertThat(project.run("-q", "current").stderr()).isEmpty();
    }

    @Test
    void quietPrintsNothingButStillApplies() {
        RetortCli.Run run = project.run("-q", "upgrade");

        assertThatRun(run).succeeded();
        assertThat(run.everything()).isEmpty();
        assertThat(DatabaseReadings.versions(db)).containsExactly(Examples.HEAD);
    }

    @Test
    void verbosePrintsEveryStatementWithItsLine() {
        assertThatRun(project.run("upgrade", "--verbose")).succeeded()
                .printed("    line 7: 0 rows (");
    }

    @Test
    void jsonPrintsEachEventAsOneParseableLine() {
        RetortCli.Run run = project.run("upgrade", "--json");

        assertThatRun(run).succeeded();
        List<JsonNode> events = run.jsonLines();
        assertThat(events).extracting(event -> event.get("event").asText())
                .startsWith("runStarted", "lockAcquired", "runPlanned", "revisionStarted", "statementExecuted")
                .endsWith("revisionApplied", "runCompleted")
                .filteredOn("revisionApplied"::equals).hasSize(3);
        JsonNode completed = events.get(events.size() - 1);
        assertThat(completed.get("heads").get(0).asText()).isEqualTo(Examples.HEAD);
        assertThat(completed.get("applied").asInt()).isEqualTo(3);
        assertThat(completed.get("durationMs").isIntegralNumber()).isTrue();
    }

    @Test
    void aFailingStatementExitsOneNamingFileLineAndSqlstateAndRollsBack() {
        assertThatRun(project.run("-q", "upgrade")).succeeded();
        Examples.write(project.migrations(), "003_broken", Examples.HEAD,
                "ALTER TABLE candidates ADD COLUMN notes TEXT;\nALTER TABLE no_such_table ADD COLUMN x INT;", "");

        RetortCli.Run run = project.run("upgrade");

        assertThatRun(run).exitedWith(1).hasNoStackTrace()
                .complained("migrations/003_broken.sql:7")
                .complained("SQLSTATE 42P01")
                .complained("relation \"no_such_table\" does not exist")
                .complained("rolled back");
        assertThat(DatabaseReadings.versions(db)).containsExactly(Examples.HEAD);
        assertThat(DatabaseReadings.candidateColumns(db)).doesNotContain("notes");
    }

    @Test
    void aFailureShowsTheStackTraceOnlyWithVerbose() {
        Examples.write(project.migrations(), "003_broken", Examples.HEAD, "SELECT 1/0;", "");

        assertThatRun(project.run("upgrade", "--verbose")).exitedWith(1).complained("SQLSTATE 22012")
                .complained("\tat ");
    }

    @Test
    void anUnknownTargetExitsTwoAndChangesNothing() {
        assertThatRun(project.run("upgrade", "no_such_revision")).exitedWith(2).complained("no_such_revision")
                .hasNoStackTrace();

        assertThat(db.scalar("SELECT to_regclass('retort_version') IS NULL")).isEqualTo(true);
    }
}
