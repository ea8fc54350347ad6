package dev.retort.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.retort.test.database.PostgresDatabase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static dev.retort.cli.RunAssert.assertThatRun;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code --json}: every read command prints one document that Jackson parses; so does an error. */
class JsonOutputIntegrationTests {

    @RegisterExtension
    static final PostgresDatabase db = new PostgresDatabase();

    @TempDir
    static Path workingDirectory;

    private static RetortCli retort;

    @BeforeAll
    static void databaseAtTheFirstRevision() {
        Examples.copyTo(workingDirectory);
        retort = new RetortCli(workingDirectory).env("RETORT_URL", db.url());
        assertThatRun(retort.run("-q", "upgrade", "001_add_version_column")).succeeded();
    }

    @Test
    void headsListsRevisionsWithTheirFields() {
        JsonNode revision = retort.run("heads", "--json").json().get("revisions").get(0);

        assertThat(revision.get("id").asText()).isEqualTo(Examples.HEAD);
        assertThat(revision.get("parents").get(0).asText()).isEqualTo("001_add_version_column");
        assertThat(revision.get("file").asText()).isEqualTo("migrations/" + Examples.HEAD + ".sql");
        assertThat(revision.get("checksum").asText()).startsWith("sha256:");
        assertThat(revision.get("head").asBoolean()).isTrue();
        assertThat(revision.has("current")).isFalse();
    }

    @Test
    void historyMarksTheCurrentRevisionWhenAsked() {
        JsonNode revisions = retort.run("history", "-i", "--json").json().get("revisions");

        assertThat(revisions).extracting(r -> r.get("id").asText()).containsExactly(Examples.HEAD,
                "001_add_version_column", "000_initial_schema");
        assertThat(revisions).extracting(r -> r.get("current").asBoolean()).containsExactly(false, true, false);
    }

    @Test
    void currentShowTheDatabasesRevision() {
        assertThat(retort.run("current", "--json").json().get("revisions").get(0).get("id").asText())
                .isEqualTo("001_add_version_column");
    }

    /** Seed 002's MigrationManager.get_migration_status(), from the command line. */
    @Test
    void currentSaysWhereTheDatabaseStandsAgainstTheFiles() {
        JsonNode status = retort.run("current", "--json").json();

        assertThat(status.get("heads")).extracting(JsonNode::asText).containsExactly(Examples.HEAD);
        assertThat(status.get("pending")).extracting(JsonNode::asText).containsExactly(Examples.HEAD);
        assertThat(status.get("needsUpgrade").asBoolean()).isTrue();
        assertThatRun(retort.run("current", "--verbose")).succeeded().printed("Heads of the files: " + Examples.HEAD)
                .printed("Pending (1): " + Examples.HEAD);
    }

    @Test
    void historyAppliedListsTheAuditRows() {
        JsonNode entries = retort.run("history", "--applied", "--json").json().get("entries");

        assertThat(entries).extracting(e -> e.get("revision").asText() + " " + e.get("operation").asText())
                .containsExactly("000_initial_schema upgrade", "001_add_version_column upgrade");
        assertThat(entries.get(0).get("durationMs").isIntegralNumber()).isTrue();
    }

    @Test
    void anErrorIsAlsoAJsonDocument() {
        RetortCli.Run run = retort.run("show", "no_such_revision", "--json");

        assertThatRun(run).exitedWith(2).complained("no_such_revision");
        JsonNode error = run.json().get("error");
        assertThat(error.get("code").asText()).isEqualTo("INVALID_TARGET");
        assertThat(error.get("exitCode").asInt()).isEqualTo(2);
    }
}
