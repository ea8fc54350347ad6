package dev.retort.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.retort.test.PostgresDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static dev.retort.cli.RunAssert.assertThatRun;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code check} (CI's gate: at the heads, nothing edited) and {@code validate} (nothing edited). */
class CheckValidateIT {

    @RegisterExtension
    static final PostgresDatabase db = new PostgresDatabase();

    @TempDir
    Path workingDirectory;

    private Path migrations;
    private RetortCli retort;

    @BeforeEach
    void databaseAtTheFirstRevision() {
        Workspace workspace = Workspace.withExamples(db, workingDirectory);
        migrations = workspace.migrations();
        retort = workspace.retort();
        assertThatRun(retort.run("-q", "upgrade", "001_add_version_column")).succeeded();
    }

    private void editAnAppliedFile() throws IOException {
        Path file = migrations.resolve("000_initial_schema.sql");
        Files.writeString(file, Files.readString(file).replace("VARCHAR(50)", "VARCHAR(80)"));
    }

    @Nested
    class Check {

        @Test
        void exitsOneWhileRevisionsArePending() {
            assertThatRun(retort.run("check")).exitedWith(1).printed("1 pending revision: " + Examples.HEAD);
        }

        @Test
        void exitsZeroAtTheHeads() {
            assertThatRun(retort.run("-q", "upgrade")).succeeded();

            assertThatRun(retort.run("check")).succeeded().printed("Up to date.");
        }

        @Test
        void exitsOneWhenAnAppliedFileWasEdited() throws IOException {
            assertThatRun(retort.run("-q", "upgrade")).succeeded();
            editAnAppliedFile();

            assertThatRun(retort.run("check")).exitedWith(1).printed("problem: ").printed("000_initial_schema");
        }

        @Test
        void reportsJsonWhenAsked() {
            RetortCli.Run run = retort.run("check", "--json");

            assertThatRun(run).exitedWith(1);
            JsonNode report = run.json();
            assertThat(report.get("upToDate").asBoolean()).isFalse();
            assertThat(report.get("valid").asBoolean()).isTrue();
            assertThat(report.get("pending").get(0).asText()).isEqualTo(Examples.HEAD);
            assertThat(report.get("currentHeads").get(0).asText()).isEqualTo("001_add_version_column");
        }
    }

    @Nested
    class Validate {

        @Test
        void acceptsPendingRevisions() {
            assertThatRun(retort.run("validate")).succeeded().printed("1 pending revision");
        }

        @Test
        void exitsOneWhenAnAppliedFileWasEdited() throws IOException {
            editAnAppliedFile();

            RetortCli.Run run = retort.run("validate", "--json");

            assertThatRun(run).exitedWith(1);
            assertThat(run.json().get("problems").get(0).get("kind").asText()).isEqualTo("CHECKSUM_CHANGED");
            assertThat(run.json().get("problems").get(0).get("revision").asText()).isEqualTo("000_initial_schema");
        }

        @Test
        void exitsTwoForAnInvalidFileNamingItsLine() {
            Examples.write(migrations, "003_typo", Examples.HEAD, "SELECT 1;", "");
            Path typo = migrations.resolve("003_typo.sql");
            rewrite(typo, "-- revises:", "-- revisses:");

            assertThatRun(retort.run("validate")).exitedWith(2).complained("migrations/003_typo.sql:2")
                    .complained("revisses");
        }

        private void rewrite(Path file, String from, String to) {
            try {
                Files.writeString(file, Files.readString(file).replace(from, to));
            } catch (IOException e) {
                throw new AssertionError(e);
            }
        }
    }
}
