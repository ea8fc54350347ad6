package dev.retort.cli;

import dev.retort.test.database.PostgresDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static dev.retort.cli.RunAssert.assertThatRun;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Colour and the progress indicator are for a person at a terminal only. {@code script(1)} gives
 * the CLI a pseudo-terminal, so that it sees one.
 */
class TerminalOutputIntegrationTests {

    private static final String ESCAPE = "\u001b[";

    @RegisterExtension
    static final PostgresDatabase db = new PostgresDatabase();

    @RegisterExtension
    final ExampleProject project = ExampleProject.on(db);

    @Test
    void pipedOutputHasNoColour() {
        RetortCli.Run run = project.run("history", "--verbose");

        assertThatRun(run).succeeded();
        assertThat(run.everything()).doesNotContain(ESCAPE);
    }

    @Test
    void aTerminalGetsColourUnlessNoColorIsSet() {
        assertThat(RetortCli.terminalAvailable()).as("script(1), from util-linux, gives the CLI a terminal").isTrue();

        assertThat(project.cli().runOnTerminal("heads").stdout()).contains(ESCAPE + "1m" + Examples.HEAD);
        assertThat(project.cli().env("NO_COLOR", "1").runOnTerminal("heads").stdout())
                .contains(Examples.HEAD).doesNotContain(ESCAPE);
    }

    /** Escape sequences from a file's message or a history row are shown, never obeyed. */
    @Test
    void controlCharactersFromFilesAndTheDatabaseAreShownVisibly() throws IOException {
        Path hostile = Files.createDirectories(project.directory().resolve("hostile"));
        Files.writeString(hostile.resolve("evil.sql"), "-- revision: evil\n-- message: title \u001b]0;pwned\u0007 "
                + "and \u001b[31mred\u001b[0m\n-- +upgrade\nSELECT 1;\n-- +downgrade\nSELECT 1;\n");
        assertThatRun(project.run("upgrade", "--migrations", "hostile")).succeeded();
        db.execute("INSERT INTO retort_history (revision, operation, success, applied_by) "
                + "VALUES (E'forged\\x1b[2J\\x07', 'upgrade', true, 'someone')");

        for (String[] args : new String[][] {{"history", "--migrations", "hostile"}, {"history", "--migrations", "hostile", "--verbose"},
                {"history", "--applied", "--migrations", "hostile"}, {"show", "evil", "--migrations", "hostile"}}) {
            String shown = project.run(args).everything();

            assertThat(shown).as(String.join(" ", args)).doesNotContain("\u001b").doesNotContain("\u0007")
                    .contains("\\x1b");
        }
        assertThat(project.run("upgrade", "--migrations", "hostile", "base:head", "--sql").stdout())
                .as("a script is printed exactly, so that it records what an online run would").contains("\u001b]0;");
        String terminal = project.cli().runOnTerminal("history", "--applied", "--migrations", "hostile").stdout();
        assertThat(terminal).contains("forged\\x1b[2J\\x07").doesNotContain("\u001b[2J").doesNotContain("\u001b]0;");
    }

    @Test
    void aTerminalSeesProgressWithCountAndEtaDuringLongRuns() throws IOException {
        assertThat(RetortCli.terminalAvailable()).as("script(1), from util-linux, gives the CLI a terminal").isTrue();
        Path steps = Files.createDirectories(project.directory().resolve("steps"));
        String parent = null;
        for (int i = 1; i <= 6; i++) {
            Examples.write(steps, "step_" + i, parent, "SELECT pg_sleep(0.05);", "");
            parent = "step_" + i;
        }

        String terminal = project.cli().env("NO_COLOR", "1").runOnTerminal("upgrade", "--migrations", "steps").stdout();

        assertThat(terminal).contains("[1/6]   0%  ETA --:--  upgrade step_1")
                .containsPattern("\\[6/6\\]  83%  ETA \\d+:\\d\\d  upgrade step_6")
                .contains("  upgrade step_6");
    }
}
