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

/** The commands that write and read migration files: init, revision, merge, heads, branches, show. */
class RevisionFilesIT {

    @RegisterExtension
    static final PostgresDatabase db = new PostgresDatabase();

    @TempDir
    Path workingDirectory;

    private RetortCli retort;

    @BeforeEach
    void cli() {
        retort = new RetortCli(workingDirectory).env("RETORT_URL", db.url());
    }

    @Nested
    class Init {

        @Test
        void createsTheDirectoryAndACommentedPropertiesFileWithoutThePassword() throws IOException {
            RetortCli.Run run = retort.run("init", "--migrations", "db/migrations",
                    "--url", "r2dbc:postgresql://app:hunter22@db.example:5432/app");

            assertThatRun(run).succeeded().printed("Created db/migrations and retort.properties.").neverShowed("hunter22");
            assertThat(workingDirectory.resolve("db/migrations")).isEmptyDirectory();
            assertThat(Files.readString(workingDirectory.resolve("retort.properties")))
                    .contains("\nurl=r2dbc:postgresql://app@db.example:5432/app\n")
                    .contains("\nmigrations=db/migrations\n")
                    .contains("\n#lock-timeout=10m\n")
                    .contains("# Keep the password out of this file")
                    .doesNotContain("hunter22");
        }

        @Test
        void theFileItWritesConfiguresTheNextCommands() {
            assertThatRun(retort.run("init", "--migrations", "db/migrations")).succeeded();

            assertThatRun(retort.run("revision", "-m", "First")).succeeded().printed("db/migrations/001_first.sql");
        }

        @Test
        void refusesToOverwriteAnExistingPropertiesFile() throws IOException {
            Files.writeString(workingDirectory.resolve("retort.properties"), "url=r2dbc:postgresql://x/y\n");

            assertThatRun(retort.run("init")).exitedWith(2).complained("already exists");
            assertThat(workingDirectory.resolve("retort.properties")).hasContent("url=r2dbc:postgresql://x/y");
        }
    }

    @Nested
    class NewRevisions {

        private Path migrations;

        @BeforeEach
        void exampleFiles() {
            migrations = Examples.copyTo(workingDirectory);
        }

        @Test
        void revisionRevisesTheHeadAndIsReadBackAsTheNewHead() throws IOException {
            assertThatRun(retort.run("revision", "-m", "Add phone index")).succeeded()
                    .printed("Created migrations/003_add_phone_index.sql (revision 003_add_phone_index, revises "
                            + Examples.HEAD + ").");

            assertThat(Files.readString(migrations.resolve("003_add_phone_index.sql"))).startsWith(
                    "-- revision: 003_add_phone_index\n-- revises: " + Examples.HEAD + "\n-- message: Add phone index\n")
                    .contains("-- +upgrade\n").contains("-- +downgrade\n");
            assertThatRun(retort.run("heads")).succeeded().printed("003_add_phone_index (head)\n");
            assertThatRun(retort.run("show", "003")).succeeded().printed("Parent: " + Examples.HEAD + "\n");
        }

        @Test
        void revisionTakesAnIdALabelAndANewBase() throws IOException {
            assertThatRun(retort.run("revision", "-m", "Audit log", "--rev-id", "audit_001", "--head", "base",
                    "--branch-label", "audit", "--depends-on", "000")).succeeded();

            assertThat(Files.readString(migrations.resolve("audit_001.sql")))
                    .contains("-- branch-labels: audit\n-- depends-on: 000_initial_schema\n")
                    .doesNotContain("-- revises:");
            assertThatRun(retort.run("heads")).succeeded().printed("audit_001 (audit) (head)\n")
                    .printed(Examples.HEAD + " (head)\n");
        }

        @Test
        void anInvalidIdExitsTwoAndLeavesNoFile() {
            assertThatRun(retort.run("revision", "-m", "Bad", "--rev-id", "bad-id")).exitedWith(2).complained("bad-id");

            assertThat(migrations.resolve("bad-id.sql")).doesNotExist();
        }

        @Test
        void revisionPrintsJsonWhenAsked() {
            JsonNode created = retort.run("revision", "-m", "Add notes", "--json").json();

            assertThat(created.get("revision").asText()).isEqualTo("003_add_notes");
            assertThat(created.get("revises").get(0).asText()).isEqualTo(Examples.HEAD);
            assertThat(created.get("file").asText()).isEqualTo("migrations/003_add_notes.sql");
        }
    }

    @Nested
    class TwoHeads {

        private Path migrations;

        @BeforeEach
        void twoRevisionsOnTheExamplesHead() {
            migrations = Workspace.withExamples(db, workingDirectory).migrations();
            Examples.write(migrations, "003_add_notes", Examples.HEAD,
                    "ALTER TABLE candidates ADD COLUMN notes TEXT;", "ALTER TABLE candidates DROP COLUMN notes;");
            Examples.write(migrations, "003_add_website", Examples.HEAD,
                    "ALTER TABLE candidates ADD COLUMN website TEXT;", "ALTER TABLE candidates DROP COLUMN website;");
        }

        @Test
        void upgradeHeadExitsTwoNamingBothHeadsAndChangesNothing() {
            assertThatRun(retort.run("upgrade", "head")).exitedWith(2).hasNoStackTrace()
                    .complained("003_add_notes").complained("003_add_website");

            assertThat(db.scalar("SELECT to_regclass('retort_version') IS NULL")).isEqualTo(true);
        }

        @Test
        void branchesShowsWhereTheyFork() {
            assertThatRun(retort.run("branches")).succeeded()
                    .printed(Examples.HEAD + " (branchpoint) -> 003_add_notes, 003_add_website\n");
        }

        @Test
        void revisionAsksWhichHeadToBuildOn() {
            assertThatRun(retort.run("revision", "-m", "Next")).exitedWith(2).complained("--head")
                    .complained("003_add_notes, 003_add_website");
        }

        @Test
        void mergeWritesARevisionOfBothHeadsAndThenUpgradeHeadWorks() throws IOException {
            assertThatRun(retort.run("merge", "-m", "Join notes and website", "heads")).succeeded();

            assertThat(Files.readString(migrations.resolve("004_join_notes_and_website.sql")))
                    .contains("-- revises: 003_add_notes, 003_add_website\n");
            assertThatRun(retort.run("heads")).succeeded().printed("004_join_notes_and_website (head) (mergepoint)\n");
            assertThatRun(retort.run("upgrade", "head")).succeeded();
            assertThat(SchemaSnapshot.versions(db)).containsExactly("004_join_notes_and_website");
        }

        @Test
        void mergeOfOneRevisionIsAnError() {
            assertThatRun(retort.run("merge", "-m", "Nothing to join", "003_add_notes")).exitedWith(2)
                    .complained("two or more");
        }
    }
}
