package dev.retort.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs the built {@code retort.jar} as a separate process, the way a person or a CI job does: in a
 * working directory of the test's choosing, with a clean environment (no {@code RETORT_*} or
 * {@code NO_COLOR} leaking in from the machine), and a timeout.
 */
final class RetortCli {

    private static final Duration TIMEOUT = Duration.ofSeconds(90);
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The launcher's flags: they make the many short runs of the test suite faster too. */
    private static final List<String> JVM_OPTIONS = List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xshare:auto",
            "-Dretort.launcher=tests");

    /** The engine's manifests of the test runs' migration files, kept in the build's directory. */
    static final Path MANIFESTS = Path.of("target", "manifests").toAbsolutePath();

    private final Path workingDirectory;
    private final Map<String, String> environment = new LinkedHashMap<>();

    RetortCli(Path workingDirectory) {
        this.workingDirectory = workingDirectory;
    }

    /** @return the jar the build produced, as failsafe passes it */
    static Path jar() {
        return Path.of(System.getProperty("retort.jar", "target/retort.jar")).toAbsolutePath();
    }

    /**
     * @param name  an environment variable
     * @param value its value
     * @return this
     */
    RetortCli env(String name, String value) {
        environment.put(name, value);
        return this;
    }

    /**
     * @param args the arguments after {@code retort}
     * @return what the process did
     */
    Run run(String... args) {
        return execute(jarCommand(List.of(), args));
    }

    /**
     * @param jvmOptions JVM options added after the launcher's
     * @param args       the arguments after {@code retort}
     * @return what the process did
     */
    Run runWithJvmOptions(List<String> jvmOptions, String... args) {
        return execute(jarCommand(jvmOptions, args));
    }

    /**
     * Starts the jar and returns at once, for tests that kill it midway; its output is discarded.
     *
     * @param args the arguments after {@code retort}
     * @return the running process
     */
    Process start(String... args) {
        return start(ProcessBuilder.Redirect.DISCARD, args);
    }

    /**
     * Starts the jar and returns at once, for tests that kill it midway and read what it said.
     *
     * @param stderr where its standard error goes; its standard output is discarded
     * @param args   the arguments after {@code retort}
     * @return the running process
     */
    Process start(ProcessBuilder.Redirect stderr, String... args) {
        try {
            return builder(jarCommand(List.of(), args)).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(stderr).start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> jarCommand(List<String> jvmOptions, String... args) {
        List<String> command = new ArrayList<>(List.of(javaExecutable()));
        command.addAll(JVM_OPTIONS);
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", jar().toString()));
        command.addAll(List.of(args));
        return command;
    }

    private ProcessBuilder builder(List<String> command) {
        ProcessBuilder builder = new ProcessBuilder(command).directory(workingDirectory.toFile());
        builder.environment().keySet().removeIf(name -> name.startsWith("RETORT_") || name.equals("NO_COLOR")
                || name.equals("DATABASE_URL"));
        // The manifests go to this test run's directory, not the user's cache, unless a test says otherwise.
        builder.environment().put("RETORT_CACHE_DIR", MANIFESTS.toString());
        builder.environment().putAll(environment);
        return builder;
    }

    /**
     * Runs through the POSIX launcher {@code cli/retort}, as the README does.
     *
     * @param args the arguments after {@code retort}
     * @return what the process did
     */
    Run runLauncher(String... args) {
        return runCommand("sh", launcher().toString()).andArgs(args);
    }

    /**
     * Runs any program in the working directory with this environment, e.g. an installed
     * {@code bin/retort} or {@code java -jar} without the tests' options.
     *
     * @param program the program and its first arguments
     * @return a command to which the remaining arguments are given
     */
    Command runCommand(String... program) {
        return args -> {
            List<String> command = new ArrayList<>(List.of(program));
            command.addAll(List.of(args));
            return execute(command);
        };
    }

    /** A command line still missing its last arguments. */
    @FunctionalInterface
    interface Command {

        /**
         * @param args the remaining arguments
         * @return what the process did
         */
        Run andArgs(String... args);
    }

    private static Path launcher() {
        return Path.of(System.getProperty("retort.launcher", "retort")).toAbsolutePath();
    }

    /**
     * Runs under {@code script(1)}, which gives the process a pseudo-terminal, so that
     * {@code System.console()} is not null: how a person at a terminal sees it. Standard output
     * and standard error arrive merged, as on a terminal.
     *
     * @param args the arguments after {@code retort}
     * @return what the process did; {@link Run#stdout()} holds everything it wrote
     */
    Run runOnTerminal(String... args) {
        StringBuilder shellCommand = new StringBuilder(javaExecutable());
        JVM_OPTIONS.forEach(option -> shellCommand.append(' ').append(option));
        shellCommand.append(" -jar '").append(jar()).append('\'');
        for (String arg : args) {
            shellCommand.append(" '").append(arg.replace("'", "'\\''")).append('\'');
        }
        return execute(List.of("script", "-qefc", shellCommand.toString(), "/dev/null"));
    }

    /** @return whether {@link #runOnTerminal} can work here */
    static boolean terminalAvailable() {
        return Files.isExecutable(Path.of("/usr/bin/script"));
    }

    private Run execute(List<String> command) {
        try {
            Path stdout = Files.createTempFile("retort-out", ".txt");
            Path stderr = Files.createTempFile("retort-err", ".txt");
            Process process = builder(command).redirectOutput(stdout.toFile()).redirectError(stderr.toFile()).start();
            if (!process.waitFor(TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("retort " + command + " did not finish within " + TIMEOUT);
            }
            Run run = new Run(process.exitValue(), read(stdout), read(stderr));
            Files.delete(stdout);
            Files.delete(stderr);
            return run;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    private static String read(Path file) throws IOException {
        return Files.readString(file, StandardCharsets.UTF_8);
    }

    /** @return the java executable of the JVM running the tests */
    static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /**
     * What one run of the CLI did.
     *
     * @param exitCode the process exit code
     * @param stdout   everything written to standard output
     * @param stderr   everything written to standard error
     */
    record Run(int exitCode, String stdout, String stderr) {

        /** @return standard output parsed as one JSON document */
        JsonNode json() {
            try {
                return JSON.readTree(stdout);
            } catch (IOException e) {
                throw new AssertionError("standard output is not one JSON document:\n" + stdout, e);
            }
        }

        /** @return each line of standard output parsed as a JSON document */
        List<JsonNode> jsonLines() {
            return stdout.lines().map(line -> {
                try {
                    return JSON.readTree(line);
                } catch (IOException e) {
                    throw new AssertionError("not a JSON line: " + line, e);
                }
            }).toList();
        }

        /** @return standard output and standard error together, for what must appear in neither */
        String everything() {
            return stdout + stderr;
        }

        @Override
        public String toString() {
            return "exit " + exitCode + "\n--- stdout\n" + stdout + "--- stderr\n" + stderr;
        }
    }
}
