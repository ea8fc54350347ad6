package dev.retort.cli;

import dev.retort.test.PostgresDatabase;
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
class TerminalOutputIT {

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
