package dev.retort.micronaut;

import dev.retort.test.database.PostgresDatabase;
import io.micronaut.runtime.server.EmbeddedServer;
import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactories;
import io.r2dbc.spi.Result;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.core.publisher.Flux;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import static dev.retort.test.Patience.PATIENCE;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What an application pays at startup for Retort when nothing is pending: the example application
 * started, in turn, with Retort and without it ({@code retort.enabled=false}). Measured warm in
 * this JVM and cold in fresh JVMs, where two more variants first run one R2DBC query before the
 * application starts, to separate the JVM's first database connection (event loops, driver),
 * which an application without Retort pays on its first request instead. Prints medians. Not part
 * of the suite (the name does not end in Tests):
 * {@code mvn -pl micronaut-integration verify -Dtest=StartupCostBenchmark}.
 */
class StartupCostBenchmark {

    private static final int WARM_UP = 5;
    private static final int WARM_RUNS = 20;
    private static final int COLD_RUNS = 9;

    /** The ways the application starts. */
    enum Variant {
        RETORT(true, false), NOTHING(false, false), CONNECTED_RETORT(true, true), CONNECTED_NOTHING(false, true);

        final boolean retort;
        final boolean connectFirst;

        Variant(boolean retort, boolean connectFirst) {
            this.retort = retort;
            this.connectFirst = connectFirst;
        }
    }

    @RegisterExtension
    static final PostgresDatabase db = new PostgresDatabase();

    @Test
    void startupCostWhenNothingIsPending() throws Exception {
        TestApplications.startExample(db, Map.of()).close();

        Map<Variant, List<Long>> warm = measure(WARM_UP + WARM_RUNS, List.of(Variant.RETORT, Variant.NOTHING),
                StartupCostBenchmark::inThisJvm);
        warm.replaceAll((variant, times) -> times.subList(WARM_UP, times.size()));
        Map<Variant, List<Long>> cold = measure(COLD_RUNS, List.of(Variant.values()), StartupCostBenchmark::inFreshJvm);

        report("warm, same JVM, from context start to server bound", warm);
        report("cold, fresh JVM, from JVM start to server bound", cold);
        assertThat(db.column("SELECT count(*) FROM retort_history", Long.class))
                .as("nothing was pending after the first start").containsExactly(3L);
    }

    private interface Start {
        long millis(Variant variant) throws Exception;
    }

    /** Alternates the variants run by run, so that a busier phase of the machine hits them all alike. */
    private static Map<Variant, List<Long>> measure(int runs, List<Variant> variants, Start start) throws Exception {
        Map<Variant, List<Long>> times = new EnumMap<>(Variant.class);
        for (int i = 0; i < runs; i++) {
            for (Variant variant : variants) {
                times.computeIfAbsent(variant, v -> new ArrayList<>()).add(start.millis(variant));
            }
        }
        return times;
    }

    private static long inThisJvm(Variant variant) {
        long start = System.nanoTime();
        TestApplications.startExample(db, Map.of("retort.enabled", variant.retort)).close();
        return (System.nanoTime() - start) / 1_000_000;
    }

    private static long inFreshJvm(Variant variant) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), StartupCostBenchmark.class.getName(), db.url(),
                variant.name()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor()).as("child output: %s", out).isZero();
        String last = out.strip().lines().reduce((a, b) -> b).orElseThrow();
        return Long.parseLong(last.substring(last.lastIndexOf(' ') + 1));
    }

    private static void report(String what, Map<Variant, List<Long>> times) {
        System.out.printf("%nStartup, %s, %d runs each (median, then every run, in ms):%n", what,
                times.get(Variant.RETORT).size());
        times.forEach((variant, runs) -> System.out.printf("  %-17s %5d  %s%n", variant, median(runs), runs));
        System.out.printf("  Retort's cost: %d ms",
                median(times.get(Variant.RETORT)) - median(times.get(Variant.NOTHING)));
        if (times.containsKey(Variant.CONNECTED_RETORT)) {
            System.out.printf(", %d ms once the JVM has connected to the database before",
                    median(times.get(Variant.CONNECTED_RETORT)) - median(times.get(Variant.CONNECTED_NOTHING)));
        }
        System.out.println();
    }

    private static long median(List<Long> values) {
        List<Long> sorted = values.stream().sorted().toList();
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
    }

    /**
     * The child JVM: starts the example application, prints the JVM's uptime once the server is
     * bound, and stops.
     *
     * @param args the database URL, and the {@link Variant}'s name
     */
    public static void main(String[] args) {
        Variant variant = Variant.valueOf(args[1]);
        if (variant.connectFirst) {
            Flux.usingWhen(ConnectionFactories.get(args[0]).create(),
                    c -> Flux.from(c.createStatement("SELECT 1").execute()).flatMap(Result::getRowsUpdated),
                    Connection::close).blockLast(PATIENCE);
        }
        try (EmbeddedServer ignored = TestApplications.start(Map.of("r2dbc.datasources.default.url", args[0],
                "spec.name", TestApplications.EXAMPLE, "retort.enabled", variant.retort))) {
            System.out.println("ready after " + ManagementFactory.getRuntimeMXBean().getUptime());
        }
    }
}
