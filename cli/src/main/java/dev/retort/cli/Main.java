package dev.retort.cli;

import dev.retort.cli.config.Database;
import dev.retort.cli.output.Terminal;
import picocli.CommandLine.Help.Ansi;
import picocli.CommandLine;

import java.io.Console;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** The {@code retort} executable: parses the arguments, runs one command, exits with its code. */
public final class Main {

    private static final String NETTY_JFR = "io.netty.jfr.enabled";
    /** Set by bin/retort, which starts the JVM with options for a short run. */
    private static final String LAUNCHER = "retort.launcher";

    private Main() {
    }

    /**
     * @param args the command line
     */
    public static void main(String[] args) {
        skipNettyFlightRecorderEvents();
        adviseTheLauncher(args);
        int exitCode = run(args, System.out, System.err, System.getenv(), Path.of("").toAbsolutePath(),
                isInteractive());
        System.out.flush();
        System.err.flush();
        Database.releaseDriver();
        // Exit with the command's code even if some library left a non-daemon thread behind.
        System.exit(exitCode);
    }

    /**
     * Netty 4.2 registers its Flight Recorder events when its platform support first loads, which
     * loads about a hundred JFR classes and generates their handlers, a tenth of a short
     * command's time, for a command that never records anything. Set before any Netty class loads; an explicit
     * {@code -Dio.netty.jfr.enabled=true} (e.g. in {@code RETORT_JAVA_OPTS}) still wins.
     */
    private static void skipNettyFlightRecorderEvents() {
        if (System.getProperty(NETTY_JFR) == null) {
            System.setProperty(NETTY_JFR, "false");
        }
    }

    /**
     * {@code java -jar retort.jar} starts with the JVM's defaults, tuned for long-running servers:
     * about twice bin/retort's start-up time, most of a short command's. A jar cannot set its own
     * JVM options, so with {@code --verbose} it says how to get them.
     */
    private static void adviseTheLauncher(String[] args) {
        List<String> arguments = Arrays.asList(args);
        if (System.getProperty(LAUNCHER) == null && (arguments.contains("--verbose") || arguments.contains("-v"))) {
            System.err.println("note: started without the launcher's options for a short run; bin/retort of the"
                    + " distribution starts about twice as fast (it adds -XX:TieredStopAtLevel=1 -XX:+UseSerialGC and"
                    + " a class-data sharing archive). See the README, \"Install the CLI\".");
        }
    }

    /**
     * Up to JDK 21 {@code System.console()} is null unless a person is at a terminal; from JDK 22 it
     * exists even when output is redirected, and {@code isTerminal()} (looked up reflectively,
     * since this compiles for 17) tells the difference.
     */
    private static boolean isInteractive() {
        Console console = System.console();
        if (console == null) {
            return false;
        }
        try {
            return (Boolean) Console.class.getMethod("isTerminal").invoke(console);
        } catch (ReflectiveOperationException e) {
            return true;
        }
    }

    /**
     * Runs one command line in this JVM.
     *
     * @param args             the arguments
     * @param out              standard output
     * @param err              standard error
     * @param environment      the environment variables
     * @param workingDirectory where {@code retort.properties} and relative paths are
     * @param interactive      whether a person is at a terminal
     * @return the exit code
     */
    static int run(String[] args, PrintStream out, PrintStream err, Map<String, String> environment,
            Path workingDirectory, boolean interactive) {
        Terminal terminal = Terminal.of(out, err, interactive, environment, Arrays.asList(args).contains("--no-color"));
        RetortCommand root = new RetortCommand(terminal, environment, workingDirectory);
        Failures failures = new Failures(root);
        return Subcommands.addFor(new CommandLine(root), args)
                .setOut(new PrintWriter(out, true))
                .setErr(new PrintWriter(err, true))
                .setColorScheme(CommandLine.Help.defaultColorScheme(terminal.colour() ? Ansi.ON : Ansi.OFF))
                .setParameterExceptionHandler(failures)
                .setExecutionExceptionHandler(failures)
                .execute(args);
    }
}
