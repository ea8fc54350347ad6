package dev.retort.cli.output;

import java.io.PrintStream;
import java.util.Map;

/**
 * Where output goes and what it can show. Decided once, before the arguments are parsed, because
 * picocli's help text needs it too.
 *
 * @param out         standard output: results
 * @param err         standard error: errors and progress
 * @param interactive whether a person is at a terminal ({@code System.console() != null})
 * @param colour      whether to use ANSI colour
 */
public record Terminal(PrintStream out, PrintStream err, boolean interactive, boolean colour) {

    /**
     * Colour only on a terminal, and never when {@code NO_COLOR} is set to anything
     * (<a href="https://no-color.org">no-color.org</a>) or {@code --no-color} is given.
     *
     * @param out         standard output
     * @param err         standard error
     * @param interactive whether a person is at a terminal
     * @param environment the process environment
     * @param noColorFlag whether {@code --no-color} is among the arguments
     * @return the terminal
     */
    public static Terminal of(PrintStream out, PrintStream err, boolean interactive, Map<String, String> environment,
            boolean noColorFlag) {
        String noColor = environment.get("NO_COLOR");
        boolean colourWanted = !noColorFlag && (noColor == null || noColor.isEmpty());
        return new Terminal(out, err, interactive, interactive && colourWanted);
    }

    /** @return the styles matching {@link #colour()} */
    public Styles styles() {
        return Styles.of(colour);
    }
}
