package dev.retort.bench.child;

import dev.retort.MigrationSources;
import dev.retort.Retort;
import dev.retort.Target;
import dev.retort.bench.run.Databases;
import dev.retort.bench.run.Server;
import dev.retort.bench.tool.RetortTool;
import dev.retort.bench.workload.Workload;
import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactories;
import io.r2dbc.spi.ConnectionFactory;
import reactor.core.publisher.Flux;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where a warm in-process no-op's time goes, measured in one long-lived JVM: a new connection and
 * {@code SELECT 1}; the same with the two queries Retort reads its tables with; reading the migration files alone
 * ({@code revisions()}); Retort's no-op {@code upgrade(HEADS)}; and both again through an r2dbc-pool
 * pool kept across runs, as an application has one. Each case runs {@value #RUNS} times; the median
 * of the last {@value #MEASURED} is printed. Creates and drops its own database.
 *
 * <p>Run with {@code bench/warm-noop.sh [N]} (N migrations applied first, default 1,000).
 */
public final class WarmNoOpBreakdown {

    private static final int RUNS = 60;
    private static final int MEASURED = 40;
    private static final String DATABASE = "bench_warm_noop";

    private WarmNoOpBreakdown() {
    }

    /**
     * @param args optionally the number of migrations
     * @throws Exception when the database or the files cannot be prepared
     */
    public static void main(String[] args) throws Exception {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 1_000;
        Server server = Server.fromSystemProperties();
        Databases databases = new Databases(server);
        Path dir = Files.createTempDirectory("retort-warm-noop");
        RetortTool.writeRevisions(Workload.generate(count), dir);
        databases.recreate(DATABASE);
        try {
            measure(server.r2dbcUrl(DATABASE), dir, count);
        } finally {
            databases.drop(DATABASE);
        }
        System.exit(0);
    }

    private static void measure(String url, Path dir, int count) {
        ConnectionFactory plain = ConnectionFactories.get(url);
        ConnectionFactory pooled = ConnectionFactories.get(url.replace("r2dbc:postgresql:", "r2dbc:pool:postgresql:"));
        Retort retort = Retort.builder(plain).migrations(MigrationSources.directory(dir)).build();
        Retort retortPooled = Retort.builder(pooled).migrations(MigrationSources.directory(dir)).build();
        retort.upgrade(Target.HEADS).blockLast();

        Map<String, Runnable> cases = new LinkedHashMap<>();
        cases.put("new connection + SELECT 1", () -> run(plain, "SELECT 1"));
        cases.put("Retort current() (new connection + state read)", () -> retort.current().block());
        cases.put("Retort revisions() (the files alone)", () -> retort.revisions().block());
        cases.put("Retort upgrade(HEADS), no-op", () -> retort.upgrade(Target.HEADS).blockLast());
        cases.put("pooled connection + SELECT 1", () -> run(pooled, "SELECT 1"));
        cases.put("Retort upgrade(HEADS), no-op, pooled", () -> retortPooled.upgrade(Target.HEADS).blockLast());
        System.out.printf("Warm no-op breakdown, %,d migrations applied; median of the last %d of %d runs%n",
                count, MEASURED, RUNS);
        cases.forEach((name, work) -> System.out.printf("%-45s %7.2f ms%n", name,
                WarmMedian.millis(work, RUNS, MEASURED)));
    }

    /** Runs the queries one after another on one new (or pooled) connection, reading every row. */
    private static void run(ConnectionFactory factory, String... queries) {
        Flux.usingWhen(factory.create(),
                connection -> Flux.fromArray(queries).concatMap(sql -> Flux.from(connection.createStatement(sql).execute())
                        .concatMap(result -> result.map((row, meta) -> meta.getColumnMetadatas().size()))),
                Connection::close).blockLast();
    }
}
