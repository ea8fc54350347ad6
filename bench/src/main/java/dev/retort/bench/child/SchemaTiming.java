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
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reading a schema, against the tool everyone trusts for it: on the bench's workload at N
 * migrations, a fresh {@code retort schema --json} process and {@code pg_dump --schema-only},
 * alternating, {@value #PROCESS_RUNS} runs each, with a fresh {@code retort current} beside them as
 * the floor of any fresh Retort process (start, connect, one query; no migration files to read);
 * Retort's snapshot in process (median of the last {@value #MEASURED} of {@value #IN_PROCESS_RUNS});
 * a fresh {@code retort check}, which replays the migrations into a shadow database and compares
 * two snapshots; and a fresh {@code retort roundtrip} of the last {@value #ROUNDTRIP_REVISIONS}
 * revisions. Creates and drops its own database.
 *
 * <p>Given a JDK 25 or later as well, it also runs the same two fresh processes on it with an
 * ahead-of-time cache (JEP 483/514, trained by one {@code schema --json} run): the best start a
 * JVM offers without a native image, to show how much of the gap to {@code pg_dump} is the JVM's.
 *
 * <p>Run with {@code bench/schema.sh [N]} (default 1,000); {@code RETORT_AOT_JAVA_HOME} names the
 * JDK 25.
 */
public final class SchemaTiming {

    private static final int PROCESS_RUNS = 5;
    private static final int IN_PROCESS_RUNS = 30;
    private static final int MEASURED = 20;
    private static final String DATABASE = "bench_schema";
    private static final Duration PATIENCE = Duration.ofMinutes(10);
    private static final String AOT_CACHE = "retort.aot";
    /** How many revisions the roundtrip checks: the last ones, on the schema all the others make. */
    private static final int ROUNDTRIP_REVISIONS = 100;

    private SchemaTiming() {
    }

    /**
     * @param args the number of migrations, the CLI's jar, and optionally the home of a JDK 25 or later
     * @throws Exception when the database, the files or a process fail
     */
    public static void main(String[] args) throws Exception {
        int count = Integer.parseInt(args[0]);
        Path jar = Path.of(args[1]);
        Optional<Path> aotJava = args.length > 2 && !args[2].isBlank()
                ? Optional.of(Path.of(args[2], "bin", "java")) : Optional.empty();
        Server server = Server.fromSystemProperties();
        Databases databases = new Databases(server);
        Path dir = Files.createTempDirectory("retort-schema-timing");
        RetortTool.writeRevisions(Workload.generate(count), dir);
        databases.recreate(DATABASE);
        try {
            measure(server, dir, jar, count, aotJava);
        } finally {
            databases.drop(DATABASE);
            Files.deleteIfExists(dir.resolve(AOT_CACHE));
        }
        System.exit(0);
    }

    private static void measure(Server server, Path dir, Path jar, int count, Optional<Path> aotJava)
            throws Exception {
        String url = server.r2dbcUrl(DATABASE);
        Retort retort = Retort.builder(ConnectionFactories.get(url)).migrations(MigrationSources.directory(dir))
                .shadowDatabasesLike(ConnectionFactoryOptions.parse(url)).build();
        retort.upgrade(Target.HEADS).blockLast(PATIENCE);
        SchemaSnapshot snapshot = retort.schema().block(PATIENCE);

        List<Double> retortRuns = new ArrayList<>();
        List<Double> pgDumpRuns = new ArrayList<>();
        List<Double> floorRuns = new ArrayList<>();
        List<String> cli = List.of("java", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xshare:auto",
                "-XX:SharedArchiveFile=" + jar.resolveSibling("retort.jsa"), "-jar", jar.toString(), "--url", url);
        // The floor reads no migration files: start, connect, one query.
        Path noFiles = Files.createDirectories(dir.resolveSibling(dir.getFileName() + "-empty"));
        Optional<List<String>> aotCli = aotJava.map(java -> aotCommand(java, jar, url, dir));
        String[] schema = {"--migrations", dir.toString(), "schema", "--json"};
        String[] floor = {"--migrations", noFiles.toString(), "current"};
        List<Double> aotRetortRuns = new ArrayList<>();
        List<Double> aotFloorRuns = new ArrayList<>();
        for (int i = 0; i < PROCESS_RUNS; i++) {
            retortRuns.add(timed(concat(cli, schema)));
            pgDumpRuns.add(timed(List.of("pg_dump", "--schema-only", "-h", server.host(), "-p",
                    String.valueOf(server.port()), "-U", server.user(), "-d", DATABASE)));
            floorRuns.add(timed(concat(cli, floor)));
            if (aotCli.isPresent()) {
                aotRetortRuns.add(timed(concat(aotCli.get(), schema)));
                aotFloorRuns.add(timed(concat(aotCli.get(), floor)));
            }
        }
        double checkMs = timed(concat(cli, "--migrations", dir.toString(), "check"));
        int checked = Math.min(ROUNDTRIP_REVISIONS, count);
        double roundtripMs = timed(concat(cli, "--migrations", dir.toString(), "roundtrip",
                RetortTool.revisionId(count - checked + 1) + ":"));
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
        System.out.printf("| retort roundtrip of the last %d revisions (the %,d before them applied, not checked),"
                + " fresh process | %.0f ms |%n", checked, count - checked, roundtripMs);
        if (aotCli.isPresent()) {
            System.out.printf("| on %s with an AOT cache: retort schema --json, fresh process | %.0f ms (%.2f) |%n",
                    aotJava.get(), median(aotRetortRuns), median(aotRetortRuns) / median(pgDumpRuns));
            System.out.printf("| on %s with an AOT cache: floor, retort current, fresh process | %.0f ms (%.2f) |%n",
                    aotJava.get(), median(aotFloorRuns), median(aotFloorRuns) / median(pgDumpRuns));
        }
    }

    /**
     * The CLI on a JDK 25 or later with an ahead-of-time cache of loaded and linked classes and
     * method profiles, trained by one {@code schema --json} run (written beside the other temporary files).
     */
    private static List<String> aotCommand(Path java, Path jar, String url, Path dir) {
        Path cache = dir.resolve(AOT_CACHE);
        List<String> jvm = List.of(java.toString(), "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                "--enable-native-access=ALL-UNNAMED");
        List<String> run = List.of("-jar", jar.toString(), "--url", url);
        try {
            List<String> training = concat(jvm, "-XX:AOTCacheOutput=" + cache);
            training.addAll(run);
            timed(concat(training, "--migrations", dir.toString(), "schema", "--json"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        List<String> command = concat(jvm, "-XX:AOTCache=" + cache);
        command.addAll(run);
        return List.copyOf(command);
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
