package dev.retort.test;

import dev.retort.test.database.PostgresDatabase;
import io.r2dbc.spi.ConnectionFactoryOptions;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/** Applies an SQL file to a test database with {@code psql -v ON_ERROR_STOP=1 -f}, as a DBA would. */
public final class Psql {

    private Psql() {
    }

    /**
     * @param db     the database
     * @param script the file to run
     * @throws AssertionError when psql fails, with its output
     */
    public static void apply(PostgresDatabase db, Path script) throws IOException, InterruptedException {
        Result result = run(db, script);
        if (result.exitCode() != 0) {
            throw new AssertionError("psql -f " + script + " failed:\n" + result.output());
        }
    }

    /**
     * What psql did.
     *
     * @param exitCode its exit code (3 when ON_ERROR_STOP stopped the script)
     * @param output   standard output and error together
     */
    public record Result(int exitCode, String output) {
    }

    /**
     * @param db     the database
     * @param script the file to run
     * @return what psql did, whether it succeeded or not
     */
    public static Result run(PostgresDatabase db, Path script) throws IOException, InterruptedException {
        ConnectionFactoryOptions options = db.options();
        ProcessBuilder builder = new ProcessBuilder(List.of("psql", "-X", "-q", "-v", "ON_ERROR_STOP=1",
                "-h", String.valueOf(options.getValue(ConnectionFactoryOptions.HOST)),
                "-p", String.valueOf(options.getValue(ConnectionFactoryOptions.PORT)),
                "-U", String.valueOf(options.getValue(ConnectionFactoryOptions.USER)),
                "-d", db.name(), "-f", script.toString()))
                .redirectErrorStream(true);
        Object password = options.getValue(ConnectionFactoryOptions.PASSWORD);
        if (password != null) {
            builder.environment().put("PGPASSWORD", password.toString());
        }
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("psql -f " + script + " did not finish:\n" + output);
        }
        return new Result(process.exitValue(), output);
    }

    /**
     * @param db the database
     * @return {@code pg_dump --schema-only} of it, without the {@code \restrict} lines whose key
     *     pg_dump draws at random for every dump
     */
    public static String dumpSchema(PostgresDatabase db) throws IOException, InterruptedException {
        ConnectionFactoryOptions options = db.options();
        ProcessBuilder builder = new ProcessBuilder(List.of("pg_dump", "--schema-only",
                "-h", String.valueOf(options.getValue(ConnectionFactoryOptions.HOST)),
                "-p", String.valueOf(options.getValue(ConnectionFactoryOptions.PORT)),
                "-U", String.valueOf(options.getValue(ConnectionFactoryOptions.USER)), "-d", db.name()));
        Object password = options.getValue(ConnectionFactoryOptions.PASSWORD);
        if (password != null) {
            builder.environment().put("PGPASSWORD", password.toString());
        }
        Process process = builder.redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String dump = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            process.destroyForcibly();
            throw new AssertionError("pg_dump of " + db.name() + " failed");
        }
        return dump.lines().filter(line -> !line.startsWith("\\restrict") && !line.startsWith("\\unrestrict"))
                .collect(Collectors.joining("\n"));
    }

    /**
     * @param db  the database
     * @param sql statements to run
     */
    public static void apply(PostgresDatabase db, String sql) throws IOException, InterruptedException {
        Path file = Files.createTempFile("retort-psql", ".sql");
        try {
            Files.writeString(file, sql);
            apply(db, file);
        } finally {
            Files.delete(file);
        }
    }
}
