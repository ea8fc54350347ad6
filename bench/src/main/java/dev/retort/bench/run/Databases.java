package dev.retort.bench.run;

import dev.retort.bench.workload.Workload;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Creates, checks and drops the harness's scratch databases through psql. Every measurement gets
 * a fresh database named {@code bench_<tool>_<n>}; the harness never touches other databases.
 */
public final class Databases {

    private static final String ADMIN_DATABASE = "postgres";

    private final Server server;

    /** @param server the server */
    public Databases(Server server) {
        this.server = server;
    }

    /**
     * @param tool a tool id
     * @param n    the workload size
     * @return the scratch database name for that pair
     */
    public static String name(String tool, int n) {
        return "bench_" + tool.replaceAll("[^a-z0-9]", "_") + "_" + n;
    }

    /**
     * Drops the database if a crashed run left it, creates it empty, and checkpoints so that no
     * earlier run's dirty pages are written during the next measurement.
     *
     * @param database the name
     * @throws IOException          when psql fails
     * @throws InterruptedException when interrupted
     */
    public void recreate(String database) throws IOException, InterruptedException {
        drop(database);
        psql(ADMIN_DATABASE, "CREATE DATABASE " + database);
        psql(ADMIN_DATABASE, "CHECKPOINT");
    }

    /**
     * @param database the name
     * @throws IOException          when psql fails
     * @throws InterruptedException when interrupted
     */
    public void drop(String database) throws IOException, InterruptedException {
        psql(ADMIN_DATABASE, "DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
    }

    /**
     * Checks that the whole workload was applied, so that no tool looks fast by skipping work.
     *
     * @param database the migrated database
     * @param workload what should have been applied
     * @return what is wrong, or empty when the schema is complete
     * @throws IOException          when psql fails
     * @throws InterruptedException when interrupted
     */
    public Optional<String> verify(String database, Workload workload) throws IOException, InterruptedException {
        int n = workload.size();
        String found = psql(database, "SELECT"
                + " (SELECT count(*) FROM pg_tables WHERE schemaname = 'public' AND tablename ~ '^t_[0-9]{5}$'),"
                + " (SELECT count(*) FROM pg_indexes WHERE schemaname = 'public' AND indexname ~ '^t_[0-9]{5}_name_idx$'),"
                + " (SELECT count(*) FROM information_schema.columns WHERE table_schema = 'public'"
                + "   AND column_name = 'next_id'),"
                + " (SELECT count(*) FROM pg_trigger WHERE tgname ~ '^t_[0-9]{5}_touch$')").strip();
        String expected = n + "|" + n + "|" + (n - 1) + "|" + workload.functionCount();
        return found.equals(expected) ? Optional.empty()
                : Optional.of("schema incomplete: tables|indexes|columns|triggers = " + found + ", expected " + expected);
    }

    /**
     * @param database the database
     * @param sql      one statement
     * @return its output, unaligned, tuples only
     * @throws IOException          when psql fails
     * @throws InterruptedException when interrupted
     */
    public String psql(String database, String sql) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(server.psql(database));
        command.addAll(List.of("-tA", "-c", sql));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new IOException("psql failed on " + database + ": " + sql + "\n" + output);
        }
        return output;
    }
}
