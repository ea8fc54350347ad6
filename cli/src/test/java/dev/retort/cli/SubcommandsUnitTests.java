package dev.retort.cli;

import dev.retort.cli.output.Terminal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class SubcommandsUnitTests {

    @Test
    void everyNameIsTheOneItsCommandDeclares() {
        RetortCommand.SUBCOMMANDS.forEach((name, type) ->
                assertThat(type.getAnnotation(Command.class).name()).as("%s", type).isEqualTo(name));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "upgrade head                              | upgrade",
            "--url r2dbc:postgresql://h/d current -v   | current",
            "--url=r2dbc:postgresql://h/d history -r 1: | history",
            "-q --json --schema upgrade heads          | heads",
            "--migrations db/migrations stamp base     | stamp"})
    void theCommandIsTheFirstArgumentThatIsNoOptionNorItsValue(String line, String command) {
        assertThat(Subcommands.named(root().getCommandSpec(), line.split(" "))).contains(command);
    }

    @ParameterizedTest
    @CsvSource({"''", "--help", "--url r2dbc:postgresql://h/d", "-- upgrade"})
    void aLineWithoutACommandNamesNone(String line) {
        String[] args = line.isEmpty() ? new String[0] : line.split(" ");
        assertThat(Subcommands.named(root().getCommandSpec(), args)).isEmpty();
    }

    @Test
    void aNamedCommandIsTheOnlyOneRegisteredAndItsArgumentsStillParse() {
        String[] args = {"--url", "r2dbc:postgresql://h/d", "upgrade", "+1", "--sql", "-q"};
        CommandLine root = Subcommands.addFor(root(), args);

        assertThat(root.getSubcommands()).containsOnlyKeys("upgrade");
        ParseResult parsed = root.parseArgs(args);
        assertThat(parsed.subcommand().commandSpec().name()).isEqualTo("upgrade");
        assertThat(parsed.subcommand().matchedPositionalValue(0, "")).isEqualTo("+1");
        assertThat(parsed.subcommand().hasMatchedOption("--sql")).isTrue();
    }

    @ParameterizedTest
    @CsvSource({"''", "--help", "help upgrade", "upgarde head"})
    void helpAndUnknownNamesGetEveryCommandInOrder(String line) {
        String[] args = line.isEmpty() ? new String[0] : line.split(" ");
        CommandLine root = Subcommands.addFor(root(), args);

        assertThat(root.getSubcommands().keySet()).containsExactlyElementsOf(RetortCommand.SUBCOMMANDS.keySet());
    }

    private static CommandLine root() {
        PrintStream discard = new PrintStream(new ByteArrayOutputStream());
        Terminal terminal = Terminal.of(discard, discard, false, Map.of(), true);
        return new CommandLine(new RetortCommand(terminal, Map.of(), Path.of(".")));
    }
}
