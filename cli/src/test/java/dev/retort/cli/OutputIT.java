package dev.retort.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.retort.test.PostgresDatabase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static dev.retort.cli.RunAssert.assertThatRun;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Output modes: JSON documents for every read command, and colour and progress only for a person at a terminal. */
class OutputIT {

    @RegisterExtension
    static final PostgresDatabase db = new PostgresDatabase();

    private static final String ESCAPE = "\u001b[";

    @TempDir
    static Path workingDirectory;

    private static RetortCli retort;

    @BeforeAll
    static void databaseAtTheFirstRevision() {
        Examples.copyTo(workingDirectory);
        retort = new RetortCli(workingDirectory).env("RETORT_URL", db.url());
        assertThatRun(retort.run("-q", "upgrade", "001_add_version_column")).succeeded();
    }

    @Nested
    class Json {

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

    @Nested
    class Terminal {

        @Test
        void pipedOutputHasNoColour() {
            RetortCli.Run run = retort.run("history", "--verbose");

            assertThatRun(run).succeeded();
            assertThat(run.everything()).doesNotContain(ESCAPE);
        }

        @Test
        void aTerminalGetsColourUnlessNoColorIsSet() {
            assumeTrue(RetortCli.terminalAvailable(), "script(1) is needed to give the CLI a terminal");

            assertThat(retort.runOnTerminal("heads").stdout()).contains(ESCAPE + "1m" + Examples.HEAD);
            assertThat(retort.env("NO_COLOR", "1").runOnTerminal("heads").stdout())
                    .contains(Examples.HEAD).doesNotContain(ESCAPE);
        }

        @Test
        void aTerminalSeesProgressWithCountAndEtaDuringLongRuns(@TempDir Path longRunDirectory) throws IOException {
            assumeTrue(RetortCli.terminalAvailable(), "script(1) is needed to give the CLI a terminal");
            Path migrations = Files.createDirectories(longRunDirectory.resolve("migrations"));
            String parent = null;
            for (int i = 1; i <= 6; i++) {
                String revision = "step_" + i;
                Examples.write(migrations, revision, parent, "SELECT pg_sleep(0.05);", "");
                parent = revision;
            }
            RetortCli cli = new RetortCli(longRunDirectory).env("RETORT_URL", db.url()).env("NO_COLOR", "1");

            String terminal = cli.runOnTerminal("upgrade", "--table-prefix", "progress").stdout();

            assertThat(terminal).contains("[1/6]   0%  ETA --:--  upgrade step_1")
                    .containsPattern("\\[6/6\\]  83%  ETA \\d+:\\d\\d  upgrade step_6")
                    .contains("  upgrade step_6");
        }
    }
}
