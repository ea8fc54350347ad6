package dev.retort.cli;

import dev.retort.test.MigrationFiles;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The example migrations of the repository ({@code migrations/}: the seed documents'
 * {@code candidates} schema in three revisions), copied where a test can change them.
 */
final class Examples {

    /** The examples' head. */
    static final String HEAD = "002_add_rejection_reason";
    /** The examples' revisions, oldest first. */
    static final List<String> REVISIONS = List.of("000_initial_schema", "001_add_version_column", HEAD);

    private Examples() {
    }

    /** @return the repository's example directory, as failsafe passes it */
    static Path directory() {
        return Path.of(System.getProperty("retort.examples", "../migrations/provider-registration")).toAbsolutePath().normalize();
    }

    /**
     * @param name a folder of {@code migrations/}: {@code truck-tickets}, {@code arxos}, ...
     * @return that example set, beside the provider-registration one
     */
    static Path set(String name) {
        return directory().resolveSibling(name);
    }

    /**
     * @param workingDirectory a test's working directory
     * @return {@code migrations/} inside it, holding a copy of the examples
     */
    static Path copyTo(Path workingDirectory) {
        Path target = workingDirectory.resolve("migrations");
        try (Stream<Path> files = Files.list(directory())) {
            Files.createDirectories(target);
            for (Path file : files.filter(f -> f.toString().endsWith(".sql")).toList()) {
                Files.copy(file, target.resolve(file.getFileName()));
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * @return the upgrade sections of all examples, in order: the schema as a team that never used
     *     Retort would have created it by hand
     */
    static String schemaByHand() throws IOException {
        StringBuilder sql = new StringBuilder();
        for (String revision : REVISIONS) {
            String text = Files.readString(directory().resolve(revision + ".sql"));
            sql.append(text, text.indexOf("-- +upgrade"), text.indexOf("-- +downgrade")).append('\n');
        }
        return sql.toString();
    }

    /**
     * Writes a migration file.
     *
     * @param migrations the directory
     * @param revision   its id (also the file name)
     * @param revises    its parent, or {@code null} for a base
     * @param upgrade    the upgrade section
     * @param downgrade  the downgrade section
     * @return the file
     */
    static Path write(Path migrations, String revision, String revises, String upgrade, String downgrade) {
        return new MigrationFiles(migrations).revision(revision, revises, upgrade, downgrade).directory()
                .resolve(revision + ".sql");
    }

    /**
     * Edits a file in place.
     *
     * @param file the file
     * @param from text to replace
     * @param to   its replacement
     */
    static void rewrite(Path file, String from, String to) {
        try {
            Files.writeString(file, Files.readString(file).replace(from, to));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
