package dev.retort.cli;

import dev.retort.test.database.PostgresDatabase;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Where most tests start, fresh for each test: a project directory holding a copy of the example
 * migrations, the CLI running in it with {@code RETORT_URL} set, and an empty database. Register
 * it as {@code @RegisterExtension final ExampleProject project = ExampleProject.on(db);}.
 */
final class ExampleProject implements BeforeEachCallback, AfterEachCallback {

    /** Nothing listens on port 1: a command that tried to connect would fail. */
    static final String UNREACHABLE_URL = "r2dbc:postgresql://nobody:unused-secret@127.0.0.1:1/nowhere";

    private final PostgresDatabase db;
    private Path directory;
    private Path migrations;
    private RetortCli cli;

    private ExampleProject(PostgresDatabase db) {
        this.db = db;
    }

    /**
     * @param db the test class's database, emptied before each test
     * @return a project whose CLI uses that database
     */
    static ExampleProject on(PostgresDatabase db) {
        return new ExampleProject(db);
    }

    /** @return a project whose CLI points at an unreachable server, for commands that must not connect */
    static ExampleProject offline() {
        return new ExampleProject(null);
    }

    @Override
    public void beforeEach(ExtensionContext context) throws IOException {
        directory = Files.createTempDirectory("retort-cli-test");
        migrations = Examples.copyTo(directory);
        cli = new RetortCli(directory).env("RETORT_URL", db == null ? UNREACHABLE_URL : db.url());
        if (db != null) {
            db.reset();
        }
    }

    @Override
    public void afterEach(ExtensionContext context) throws IOException {
        try (Stream<Path> files = Files.walk(directory)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
    }

    /**
     * @param args the arguments after {@code retort}
     * @return what the CLI did, run in the project directory
     */
    RetortCli.Run run(String... args) {
        return cli.run(args);
    }

    /** @return the CLI, to set more environment variables or run it on a terminal */
    RetortCli cli() {
        return cli;
    }

    /** @return the project directory */
    Path directory() {
        return directory;
    }

    /** @return the copied example migrations, for tests that add or edit files */
    Path migrations() {
        return migrations;
    }
}
