package dev.retort.test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.IntFunction;

/** Writes migration files for a test: single revisions, any file, or a linear chain. */
public final class MigrationFiles {

    private final Path directory;

    /** @param directory where the files go; created if missing */
    public MigrationFiles(Path directory) {
        try {
            this.directory = Files.createDirectories(directory);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Writes {@code <id>.sql}.
     *
     * @param id        the revision id
     * @param revises   its parents, comma separated, or {@code null} for a base
     * @param upgrade   the upgrade section
     * @param downgrade the downgrade section, or {@code null} for none
     * @return this
     */
    public MigrationFiles revision(String id, String revises, String upgrade, String downgrade) {
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

    /**
     * Writes a linear chain {@code r1 ... rN}, each revising the one before.
     *
     * @param count     how many revisions
     * @param upgrade   the upgrade section of revision {@code i} (1-based)
     * @param downgrade the downgrade section of revision {@code i}, or {@code null} for none
     * @return this
     */
    public MigrationFiles chain(int count, IntFunction<String> upgrade, IntFunction<String> downgrade) {
        for (int i = 1; i <= count; i++) {
            revision("r" + i, i > 1 ? "r" + (i - 1) : null, upgrade.apply(i), downgrade == null ? null : downgrade.apply(i));
        }
        return this;
    }

    /**
     * @param name    the file's name
     * @param content its text
     * @return this
     */
    public MigrationFiles file(String name, String content) {
        try {
            Files.writeString(directory.resolve(name), content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    /** @return the directory */
    public Path directory() {
        return directory;
    }
}
