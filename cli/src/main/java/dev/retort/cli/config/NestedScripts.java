package dev.retort.cli.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Finds {@code .sql} files in subdirectories of the migrations directory, which Retort does not
 * read: a file moved into {@code old/} or {@code archive/} would otherwise drop out of the graph
 * without a word. (A directory whose scripts are all in subdirectories is an error in the engine.)
 */
public final class NestedScripts {

    private NestedScripts() {
    }

    /**
     * @param migrations the migrations directory
     * @return its subdirectories (name and slash) that hold {@code .sql} files at any depth,
     *     sorted; empty when the directory does not exist
     */
    public static List<String> subdirectoriesHoldingScripts(Path migrations) {
        if (!Files.isDirectory(migrations)) {
            return List.of();
        }
        try (Stream<Path> entries = Files.list(migrations)) {
            return entries.filter(Files::isDirectory).filter(NestedScripts::holdsScripts)
                    .map(path -> path.getFileName() + "/").sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean holdsScripts(Path directory) {
        try (Stream<Path> files = Files.walk(directory)) {
            return files.anyMatch(path -> path.getFileName().toString().endsWith(".sql") && Files.isRegularFile(path));
        } catch (IOException e) {
            return false;
        }
    }
}
