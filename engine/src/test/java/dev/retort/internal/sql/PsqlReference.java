package dev.retort.internal.sql;

import io.r2dbc.spi.ConnectionFactoryOptions;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Runs a script through psql, PostgreSQL's own client and the reference statement splitter, and
 * reads back what it sent ({@link PsqlLog}) and which statements failed. Blocks: for the test
 * thread only.
 */
final class PsqlReference {

    /** With {@code VERBOSITY=sqlstate} an error is one line: "psql:file:line: ERROR:  42P07". */
    private static final Pattern ERROR = Pattern.compile("^(?:psql:.*?:\\d+: )?ERROR:\\s+(\\w{5})\\s*$", Pattern.MULTILINE);
    private static final long TIMEOUT_SECONDS = 120;
    /** Sent between the scripts of one session to tell their statements apart. */
    private static final String BETWEEN_SCRIPTS = "SELECT 'retort corpus: next script'";

    /**
     * What one psql run did.
     *
     * @param entries the queries psql sent, each with its logged output
     * @param errors  the SQLSTATE of each failed query, in order
     */
    record Run(List<PsqlLog.Entry> entries, List<String> errors) {
    }

    private final String executable = PostgresCorpus.psql();
    private final ConnectionFactoryOptions options;

    /** @param options where psql connects: host, port, user, password and database */
    PsqlReference(ConnectionFactoryOptions options) {
        this.options = options;
    }

    /**
     * Lets psql cut and send every statement of a script while the server runs none of them: the
     * session's transaction is aborted first, so the server refuses each statement without
     * looking at more than its syntax, and the database stays as it was.
     *
     * @param script the SQL
     * @return the statements psql sent, exactly as sent
     */
    List<String> statementsSent(String script) {
        return statementsSent(List.of(script)).get(0);
    }

    /**
     * Like {@link #statementsSent(String)} for many scripts in one psql session, which is much
     * faster than one each. psql reads every {@code -f} file with a fresh scanner, so the scripts
     * cannot affect each other; a marker query between them tells their statements apart.
     *
     * @param scripts the scripts
     * @return for each script, the statements psql sent
     */
    List<List<String>> statementsSent(List<String> scripts) {
        List<String> abort = List.of("-c", "BEGIN", "-c", "SELECT 1/0");
        List<PsqlLog.Entry> entries = invoke(abort, scripts, List.of()).entries();
        List<List<String>> statements = new ArrayList<>(List.of(new ArrayList<>()));
        for (PsqlLog.Entry entry : entries.subList(abort.size() / 2, entries.size())) {
            if (entry.query().equals(BETWEEN_SCRIPTS)) {
                statements.add(new ArrayList<>());
            } else {
                statements.get(statements.size() - 1).add(entry.query());
            }
        }
        return statements;
    }

    /**
     * Runs a script for real inside one transaction that is rolled back at the end, with psql's
     * {@code ON_ERROR_ROLLBACK} putting each statement in its own savepoint, so a failure affects
     * only that statement, as for the harness's R2DBC run.
     *
     * @param prelude statements to run first in the same transaction, one {@code -c} each
     * @param script  the SQL
     * @return the prelude's and the script's statements with their results
     */
    Run runRolledBack(List<String> prelude, String script) {
        List<String> before = new ArrayList<>(List.of("-v", "ON_ERROR_ROLLBACK=on", "-v", "VERBOSITY=sqlstate", "-c", "BEGIN"));
        prelude.forEach(statement -> before.addAll(List.of("-c", statement)));
        Run run = invoke(before, List.of(script), List.of("-c", "ROLLBACK"));
        return new Run(run.entries().subList(1, run.entries().size() - 1), run.errors());
    }

    /**
     * Sends one query string to the server exactly as given, without psql's splitting ({@code -c}
     * hands a string to the server whole).
     *
     * @param query a query returning one value
     * @return the value as psql prints it unaligned
     */
    String valueOf(String query) {
        Path directory = createTempDirectory();
        try {
            Path output = directory.resolve("output.txt");
            List<String> command = new ArrayList<>(connection());
            command.addAll(List.of("-X", "-A", "-t", "-v", "ON_ERROR_STOP=1", "-o", output.toString(), "-c", query));
            execute(command, directory.resolve("stderr.txt"));
            return read(output).strip();
        } finally {
            delete(directory);
        }
    }

    private Run invoke(List<String> before, List<String> scripts, List<String> after) {
        Path directory = createTempDirectory();
        try {
            Path log = directory.resolve("psql.log");
            Path errors = directory.resolve("stderr.txt");
            List<String> command = new ArrayList<>(connection());
            command.addAll(List.of("-X", "-q", "-v", "ON_ERROR_STOP=0", "-L", log.toString()));
            command.addAll(before);
            for (int i = 0; i < scripts.size(); i++) {
                // A final line with a lone semicolon makes psql end the script's last statement at
                // a semicolon too, so that a trailing semicolon in what psql sends is always the
                // terminator (not one inside a last-line comment); alone it is an empty query.
                Path file = write(directory.resolve("script" + i + ".sql"), scripts.get(i) + "\n;\n");
                command.addAll(i == 0 ? List.of() : List.of("-c", BETWEEN_SCRIPTS));
                command.addAll(List.of("-f", file.toString()));
            }
            command.addAll(after);
            String stderr = execute(command, errors);
            return new Run(PsqlLog.parse(read(log)), errorStates(stderr));
        } finally {
            delete(directory);
        }
    }

    private List<String> connection() {
        return List.of(executable,
                "-h", String.valueOf(options.getRequiredValue(ConnectionFactoryOptions.HOST)),
                "-p", String.valueOf(options.getValue(ConnectionFactoryOptions.PORT) == null
                        ? 5432 : options.getValue(ConnectionFactoryOptions.PORT)),
                "-U", String.valueOf(options.getRequiredValue(ConnectionFactoryOptions.USER)),
                "-d", String.valueOf(options.getRequiredValue(ConnectionFactoryOptions.DATABASE)));
    }

    private String execute(List<String> command, Path errors) {
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(errors.toFile());
        builder.environment().put("LC_ALL", "C"); // untranslated log banners and error lines
        builder.environment().put("PGCLIENTENCODING", "UTF8");
        Object password = options.getValue(ConnectionFactoryOptions.PASSWORD);
        if (password != null) {
            builder.environment().put("PGPASSWORD", password.toString());
        }
        int exit = waitFor(start(builder));
        String stderr = read(errors);
        // 0, or 1 when a -c command failed; anything else means psql itself gave up.
        if (exit > 1) {
            throw new IllegalStateException("psql exited with " + exit + ":\n" + stderr);
        }
        return stderr;
    }

    private static List<String> errorStates(String stderr) {
        List<String> states = new ArrayList<>();
        Matcher matcher = ERROR.matcher(stderr);
        while (matcher.find()) {
            states.add(matcher.group(1));
        }
        return states;
    }

    private static Process start(ProcessBuilder builder) {
        try {
            return builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + builder.command().get(0), e);
        }
    }

    private static int waitFor(Process process) {
        try {
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("psql did not finish within " + TIMEOUT_SECONDS + " s");
            }
            return process.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for psql", e);
        }
    }

    private static Path createTempDirectory() {
        try {
            return Files.createTempDirectory("retort-corpus");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path write(Path file, String text) {
        try {
            return Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.isRegularFile(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void delete(Path directory) {
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
