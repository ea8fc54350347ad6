package dev.retort;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes small migration files into a test's temporary directory. */
final class MigrationFiles {

    private final Path directory;

    MigrationFiles(Path directory) {
        this.directory = directory;
    }

    /** Writes {@code <id>.sql} with a header naming the parents (comma separated; null for a base). */
    MigrationFiles revision(String id, String revises, String upgrade, String downgrade) {
        StringBuilder text = new StringBuilder("-- revision: ").append(id).append('\n');
        if (revises != null) {
            text.append("-- revises: ").append(revises).append('\n');
        }
        text.append("-- message: revision ").append(id).append("\n\n-- +upgrade\n").append(upgrade).append('\n');
        if (downgrade != null) {
            text.append("\n-- +downgrade\n").append(downgrade).append('\n');
        }
        return file(id + ".sql", text.toString());
    }

    MigrationFiles file(String name, String content) {
        try {
            Files.writeString(directory.resolve(name), content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    Path directory() {
        return directory;
    }
}
