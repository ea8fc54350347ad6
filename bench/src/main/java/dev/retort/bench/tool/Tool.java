package dev.retort.bench.tool;

import dev.retort.bench.workload.Workload;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * One migration tool under test, as the harness sees it: it writes the workload in its own file
 * format and says which command applies the pending migrations in a fresh process. The harness
 * times that process from start to exit, so start-up (a JVM's class loading and JIT warm-up) is
 * counted as a user pays it.
 */
public interface Tool {

    /** @return a stable id, used in database, file and column names ({@code flyway}) */
    String id();

    /** @return the name shown in the report */
    String label();

    /** @return why the tool cannot be measured in this run, or empty when it can */
    default Optional<String> unavailable() {
        return Optional.empty();
    }

    /**
     * Writes the workload in this tool's format.
     *
     * @param workload the migrations
     * @param dir      an empty directory to write into
     * @throws IOException when a file cannot be written
     */
    void write(Workload workload, Path dir) throws IOException;

    /**
     * @param dir      the directory {@link #write} filled
     * @param database the database to migrate
     * @return the command that applies every pending migration and exits
     */
    List<String> apply(Path dir, String database);

    /**
     * @param dir      the directory {@link #write} filled
     * @param database a database with every migration applied
     * @return the command a deploy with nothing to migrate runs; the same as {@link #apply} for a
     *     migration tool
     */
    default List<String> noOp(Path dir, String database) {
        return apply(dir, database);
    }

    /**
     * Prepares a deploy that brings one migration to a database at the workload's last: writes
     * {@link Workload#next()} beside the files {@link #write} wrote, as a release adds its migration.
     *
     * @param workload the workload {@link #write} wrote to {@code dir}
     * @param dir      that directory
     * @param database a database with every migration of the workload applied
     * @return the command that applies the new migration in a fresh process; empty when the tool
     *     has no such run
     * @throws IOException when a file cannot be written
     */
    default Optional<List<String>> deploy(Workload workload, Path dir, String database) throws IOException {
        return Optional.empty();
    }

    /**
     * Takes back what {@link #deploy} wrote, so that {@code dir} holds the workload alone again.
     *
     * @param workload the workload
     * @param dir      the directory
     * @throws IOException when a file cannot be changed
     */
    default void undeploy(Workload workload, Path dir) throws IOException {
    }

    /** @return a note on configuration for the report (deviations from defaults), or empty */
    default String note() {
        return "";
    }
}
