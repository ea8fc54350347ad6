package dev.retort;

import dev.retort.test.MigrationFiles;
import dev.retort.test.database.PostgresDatabase;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Per test: an empty {@code public} schema in the class's database and an empty migrations
 * directory, with a {@link Retort} over both. Register as a non-static extension after the
 * class's {@link PostgresDatabase}.
 */
final class MigrationWorkspace implements BeforeEachCallback, AfterEachCallback {

    private final PostgresDatabase db;
    private Path directory;
    private MigrationFiles files;

    MigrationWorkspace(PostgresDatabase db) {
        this.db = db;
    }

    @Override
    public void beforeEach(ExtensionContext context) throws IOException {
        db.reset();
        directory = Files.createTempDirectory("retort-migrations");
        files = new MigrationFiles(directory);
    }

    @Override
    public void afterEach(ExtensionContext context) throws IOException {
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(MigrationWorkspace::delete);
        }
    }

    private static void delete(Path path) {
        try {
            Files.delete(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    MigrationFiles files() {
        return files;
    }

    Path directory() {
        return directory;
    }

    Retort retort() {
        return retort(RetortBuilder.DEFAULT_LOCK_TIMEOUT);
    }

    Retort retort(Duration lockTimeout) {
        return Retort.builder(db.connectionFactory()).migrations(MigrationSources.directory(directory))
                .lockTimeout(lockTimeout).shadowDatabasesLike(db.options()).build();
    }

    /** @return the tables in {@code public}, sorted */
    List<String> tables() {
        return db.column("SELECT table_name::text FROM information_schema.tables WHERE table_schema = 'public'"
                + " ORDER BY 1", String.class);
    }
}
