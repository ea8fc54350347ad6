package dev.retort.bench.tool;

import dev.retort.bench.workload.Migration;
import dev.retort.bench.workload.Workload;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * A tool whose format is one file per migration: writing the workload, and a deploy's adding the
 * next file and taking it away again, follow from the file's name and text.
 */
interface FilePerMigration extends Tool {

    /**
     * @param migration a migration
     * @param dir       the tool's directory
     * @return the file that holds it
     */
    Path file(Migration migration, Path dir);

    /**
     * @param migration a migration
     * @return the file's text
     */
    String text(Migration migration);

    @Override
    default void write(Workload workload, Path dir) throws IOException {
        for (Migration migration : workload.migrations()) {
            Files.writeString(file(migration, dir), text(migration));
        }
    }

    @Override
    default Optional<List<String>> deploy(Workload workload, Path dir, String database) throws IOException {
        Files.writeString(file(workload.next(), dir), text(workload.next()));
        return Optional.of(apply(dir, database));
    }

    @Override
    default void undeploy(Workload workload, Path dir) throws IOException {
        Files.deleteIfExists(file(workload.next(), dir));
    }
}
