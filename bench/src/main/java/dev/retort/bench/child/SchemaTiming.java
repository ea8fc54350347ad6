package dev.retort.bench.child;

import dev.retort.MigrationSources;
import dev.retort.Retort;
import dev.retort.Target;
import dev.retort.bench.run.Databases;
import dev.retort.bench.run.Server;
import dev.retort.bench.run.Stats;
import dev.retort.bench.tool.RetortTool;
import dev.retort.bench.workload.Workload;
import dev.retort.schema.SchemaSnapshot;
import io.r2dbc.spi.ConnectionFactories;
import io.r2dbc.spi.ConnectionFactoryOptions;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Reading a schema, against the tool everyone trusts for it: on the bench's workload at N
 * migrations, a fresh {@code retort schema --json} process and {@code pg_dump --schema-only},
 * alternating, {@value #PROCESS_RUNS} runs each, with a fresh {@code retort current} beside them as the
 * floor of any fresh Retort process (start, connect, one query); Retort's snapshot in process (median of the last
 * {@value #MEASURED} of {@value #IN_PROCESS_RUNS}); and a fresh {@code retort check}, which replays
 * the migrations into a shadow database and compares two snapshots. Creates and drops its own
 * database.
 *
 * <p>Run with {@code bench/schema.sh [N]} (default 1,000).
 */
public final class SchemaTiming {

    private static final int PROCESS_RUNS = 5;
    private static final int IN_PROCESS_RUNS = 30;
    private static final int MEASURED = 20;
    private static final String DATABASE = "bench_schema";
    private static final Duration PATIENCE = Duration.ofMinutes(10);

    private SchemaTiming() {
    }

    /**
     * @param args the number of migrations, then the CLI's jar
     * @throws Exception when the database, the files or a process fail
     */
    public static void main(String[] args) throws Exception {
        int count = Integer.parseInt(args[0]);
        Path jar = Path.of(args[1]);
        Server server = Server.fromSystemProperties();
        Databases databases = new Databases(server);
        Path dir = Files.createTempDirectory("retort-schema-timing");
        RetortTool.writeRevisions(Workload.generate(count), dir);
        databases.recreate(DATABASE);
        try {
            measure(server, dir, jar, count);
        } finally {
            databases.drop(DATABASE);
        }
        System.exit(0);
    }

    private static void measure(Server server, Path dir, Path jar, int count) throws Exception {
        String url = server.r2dbcUrl(DATABASE);
        Retort retort = Retort.builder(ConnectionFactories.get(url)).migrations(MigrationSources.directory(dir))
                .shadowDatabasesLike(ConnectionFactoryOptions.parse(url)).build();
        retort.upgrade(Target.HEADS).blockLast(PATIENCE);
        SchemaSnapshot snapshot = retort.schema().block(PATIENCE);

        List<Double> retortRuns = new ArrayList<>();
        List<Double> pgDumpRuns = new ArrayList<>();
        List<Double> floorRuns = new ArrayList<>();
        List<String> cli = List.of("java", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xshare:auto",
                "-XX:SharedArchiveFile=" + jar.resolveSibling("retort.jsa"), "-jar", jar.toString(), "--url", url,
                "--migrations", dir.toString());
        for (int i = 0; i < PROCESS_RUNS; i++) {
            retortRuns.add(timed(concat(cli, "schema", "--json")));
            pgDumpRuns.add(timed(List.of("pg_dump", "--schema-only", "-h", server.host(), "-p",
                    String.valueOf(server.port()), "-U", server.user(), "-d", DATABASE)));
            floorRuns.add(timed(concat(cli, "current")));
        }
        double checkMs = timed(concat(cli, "check"));
        double inProcess = WarmMedian.millis(() -> retort.schema().block(PATIENCE), IN_PROCESS_RUNS, MEASURED);

        System.out.printf("Schema reading, %,d migrations applied (%,d objects in the snapshot)%n", count,
                snapshot.objects().size());
        System.out.printf("| retort schema --json, fresh process | %.0f ms |%n", median(retortRuns));
        System.out.printf("| pg_dump --schema-only | %.0f ms |%n", median(pgDumpRuns));
        System.out.printf("| ratio | %.2f |%n", median(retortRuns) / median(pgDumpRuns));
        System.out.printf("| floor: retort current (start, connect, one query), fresh process | %.0f ms |%n",
                median(floorRuns));
        System.out.printf("| Retort.schema(), in process (median of runs %d-%d) | %.1f ms |%n",
                IN_PROCESS_RUNS - MEASURED + 1, IN_PROCESS_RUNS, inProcess);
        System.out.printf("| retort check (replay into a shadow, two snapshots), fresh process | %.0f ms |%n", checkMs);
    }

    private static List<String> concat(List<String> command, String... args) {
        List<String> all = new ArrayList<>(command);
        all.addAll(List.of(args));
        return all;
    }

    /** @return the process's wall time, start to exit, in milliseconds; fails unless it exits 0 */
    private static double timed(List<String> command) throws IOException, InterruptedException {
        long started = System.nanoTime();
        Process process = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        int exit = process.waitFor();
        long millis = (System.nanoTime() - started) / 1_000_000;
        if (exit != 0) {
            throw new IllegalStateException(String.join(" ", command) + " exited " + exit);
        }
        return millis;
    }

    private static double median(List<Double> runs) {
        return Stats.median(runs).orElseThrow();
    }
}
