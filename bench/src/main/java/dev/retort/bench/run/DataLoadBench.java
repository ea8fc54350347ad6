package dev.retort.bench.run;

import dev.retort.bench.tool.JvmTool;
import dev.retort.bench.workload.DataLoad;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * One Retort revision holding hundreds of megabytes of INSERTs, applied with a heap far smaller
 * than the file: it completes only if the engine streams the section instead of loading it. The
 * same statements through {@code psql -f} in one transaction give the floor.
 */
public final class DataLoadBench {

    private final Harness harness;
    private final JvmTool retort;

    /**
     * @param harness files, processes, databases, results
     * @param retort  the Retort library tool
     */
    public DataLoadBench(Harness harness, JvmTool retort) {
        this.harness = harness;
        this.retort = retort;
    }

    /**
     * @param megabytes the size of the INSERT statements
     * @param heapMib   the heap limit for Retort
     * @param server    the server, for the psql floor
     * @throws IOException          when files cannot be written or psql fails
     * @throws InterruptedException when interrupted
     */
    public void run(long megabytes, int heapMib, Server server) throws IOException, InterruptedException {
        System.err.printf("bench: data load %d MB, writing the files%n", megabytes);
        Path dir = harness.freshDirectory("load-" + megabytes + "mb");
        long rows = DataLoad.write(dir, megabytes << 20);
        String database = "bench_load_retort";
        harness.databases().recreate(database);
        ProcessResult result;
        String note = "";
        boolean completed;
        try {
            System.err.printf("bench: data load %d MB, Retort with -Xmx%dm%n", megabytes, heapMib);
            result = harness.processes().run("load-retort-" + megabytes + "mb", retort.command(dir.resolve("retort"),
                    database, 1, List.of("-Xmx" + heapMib + "m", "-XX:+ExitOnOutOfMemoryError")));
            completed = result.ok() && rowCount(database) == rows;
            if (!completed) {
                note = result.ok() ? "row count differs from " + rows : result.failure();
            }
        } finally {
            harness.databases().drop(database);
        }
        double floorMs = floor(dir.resolve("floor.sql"), server);
        harness.results().dataLoad(new Results.DataLoadResult(megabytes, rows, heapMib, completed,
                Harness.millis(result.wallNanos()), result.peakRssKb(), floorMs, note));
    }

    private long rowCount(String database) throws IOException, InterruptedException {
        return Long.parseLong(harness.databases().psql(database, "SELECT count(*) FROM load_rows").strip());
    }

    private double floor(Path script, Server server) throws IOException, InterruptedException {
        System.err.println("bench: data load, psql floor");
        String database = "bench_load_psql";
        harness.databases().recreate(database);
        try {
            List<String> command = new ArrayList<>(server.psql(database));
            command.addAll(List.of("-f", script.toString()));
            ProcessResult result = harness.processes().run("load-psql", command);
            if (!result.ok()) {
                harness.results().problem("psql floor of the data load failed: " + result.failure());
                return Double.NaN;
            }
            return Harness.millis(result.wallNanos());
        } finally {
            harness.databases().drop(database);
        }
    }
}
