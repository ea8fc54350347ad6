package dev.retort.cli;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.IOException;
import java.nio.file.Files;

import static dev.retort.cli.RunAssert.assertThatRun;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code revision}: new migration files, written from the files alone (the server is unreachable). */
class RevisionIntegrationTests {

    @RegisterExtension
    final ExampleProject project = ExampleProject.offline();

    @Test
    void revisionRevisesTheHeadAndIsReadBackAsTheNewHead() throws IOException {
        assertThatRun(project.run("revision", "-m", "Add phone index")).succeeded()
                .printed("Created migrations/003_add_phone_index.sql (revision 003_add_phone_index, revises "
                        + Examples.HEAD + ").");

        assertThat(Files.readString(project.migrations().resolve("003_add_phone_index.sql"))).startsWith(
                "-- revision: 003_add_phone_index\n-- revises: " + Examples.HEAD + "\n-- message: Add phone index\n")
                .contains("-- +upgrade\n").contains("-- +downgrade\n");
        assertThatRun(project.run("heads")).succeeded().printed("003_add_phone_index (head)\n");
        assertThatRun(project.run("show", "003")).succeeded().printed("Parent: " + Examples.HEAD + "\n");
    }

    @Test
    void revisionTakesAnIdALabelAndANewBase() throws IOException {
        assertThatRun(project.run("revision", "-m", "Audit log", "--rev-id", "audit_001", "--head", "base",
                "--branch-label", "audit", "--depends-on", "000")).succeeded();

        assertThat(Files.readString(project.migrations().resolve("audit_001.sql")))
                .contains("-- branch-labels: audit\n-- depends-on: 000_initial_schema\n")
                .doesNotContain("-- revises:");
        assertThatRun(project.run("heads")).succeeded().printed("audit_001 (audit) (head)\n")
                .printed(Examples.HEAD + " (head)\n");
    }

    @Test
    void anInvalidIdExitsTwoAndLeavesNoFile() {
        assertThatRun(project.run("revision", "-m", "Bad", "--rev-id", "bad-id")).exitedWith(2).complained("bad-id");

        assertThat(project.migrations().resolve("bad-id.sql")).doesNotExist();
    }

    @Test
    void revisionPrintsJsonWhenAsked() {
        JsonNode created = project.run("revision", "-m", "Add notes", "--json").json();

        assertThat(created.get("revision").asText()).isEqualTo("003_add_notes");
        assertThat(created.get("revises").get(0).asText()).isEqualTo(Examples.HEAD);
        assertThat(created.get("file").asText()).isEqualTo("migrations/003_add_notes.sql");
    }
}
