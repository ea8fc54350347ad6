package dev.retort.bench.report;

import dev.retort.bench.run.Metric;
import dev.retort.bench.run.Results;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;

/**
 * The project's performance targets for this 2-core machine (issue #6), each set against what this
 * run measured: PASS, FAIL, or "not measured" with the reason (a quick run, a missing CLI jar).
 */
final class Targets {

    private static final int N = 1_000;
    private static final int SMALL = 100;
    private static final int LARGE = 10_000;
    private static final List<String> PEERS = List.of("flyway", "liquibase", "r2dbc-migrate");

    private final Results results;

    Targets(Results results) {
        this.results = results;
    }

    /** One target. */
    record Row(String target, String goal, String measured, String status) {
    }

    List<Row> rows() {
        List<Row> rows = new ArrayList<>();
        rows.add(floorRatio("retort", "library"));
        rows.add(floorRatio("retort-cli", "CLI"));
        rows.add(peers());
        OptionalDouble warm = median("retort", Metric.NOOP_WARM_MS);
        rows.add(new Row("No-op, 1,000 applied, in-process (warm)", "< 20 ms", Format.time(warm)
                + " (runs 6–15 of the same loop: " + Format.time(median("retort", Metric.NOOP_WARMING_MS)) + ")",
                status(warm, v -> v < 20)));
        OptionalDouble cli = median("retort-cli", Metric.NOOP_MS);
        rows.add(new Row("No-op, 1,000 applied, fresh CLI process", "< 0.5 s", Format.time(cli)
                + " (library in a fresh JVM: " + Format.time(median("retort", Metric.NOOP_MS)) + ")",
                cli.isPresent() ? pass(cli.getAsDouble() < 500) : "not measured (no CLI jar)"));
        rows.add(heap());
        rows.add(growth());
        rows.add(dataLoad());
        return rows;
    }

    /** The library and the CLI each against the floor; the bookkeeping floor shows what recording costs the server. */
    private Row floorRatio(String tool, String label) {
        OptionalDouble retort = median(tool, Metric.APPLY_MS);
        OptionalDouble floor = median("psql", Metric.APPLY_MS);
        OptionalDouble inProcess = median(tool, Metric.APPLY_IN_PROCESS_MS);
        OptionalDouble bookkeeping = median("psql-bookkeeping", Metric.APPLY_MS);
        String measured = Format.ratio(retort, floor) + " (" + Format.time(retort) + " vs " + Format.time(floor)
                + (inProcess.isPresent() ? "; in-process " + Format.ratio(inProcess, floor) : "")
                + (bookkeeping.isPresent() ? "; psql running Retort's offline script " + Format.ratio(bookkeeping, floor) : "")
                + ")";
        boolean known = retort.isPresent() && floor.isPresent();
        return new Row("Apply 1,000 from empty, fresh process, vs psql floor (" + label + ")", "≤ 1.3×", measured,
                known ? pass(retort.getAsDouble() <= 1.3 * floor.getAsDouble()) : "not measured");
    }

    private Row peers() {
        OptionalDouble retort = median("retort", Metric.APPLY_MS);
        StringBuilder measured = new StringBuilder("Retort " + Format.time(retort));
        boolean faster = retort.isPresent();
        int compared = 0;
        for (String peer : PEERS) {
            OptionalDouble time = median(peer, Metric.APPLY_MS);
            measured.append("; ").append(peer).append(' ').append(Format.time(time));
            if (time.isPresent()) {
                compared++;
                faster &= retort.isPresent() && retort.getAsDouble() < time.getAsDouble();
            }
        }
        return new Row("Apply 1,000 from empty, fresh process, vs peers", "faster than every peer",
                measured.toString(), retort.isPresent() && compared > 0 ? pass(faster) : "not measured");
    }

    private Row heap() {
        String goal = "completes with -Xmx64m";
        if (results.xmxSize() == 0) {
            return new Row("N = 10,000 with a small heap", goal, "n/a", "not measured (full mode)");
        }
        String measured = results.xmxProbes().stream().filter(Results.XmxProbe::completed)
                .mapToInt(Results.XmxProbe::heapMib).min().stream()
                .mapToObj(m -> "smallest -Xmx that completed: " + m + "m").findFirst().orElse("no heap completed");
        boolean at64 = results.xmxProbes().stream().anyMatch(p -> p.heapMib() == 64 && p.completed());
        String status = results.xmxSize() == LARGE ? pass(at64)
                : "measured at N = " + Format.count(results.xmxSize()) + ", not 10,000: " + (at64 ? "passes" : "fails");
        return new Row("N = 10,000 with a small heap", goal, measured, status);
    }

    private Row growth() {
        OptionalDouble small = median(SMALL, "retort", Metric.APPLY_IN_PROCESS_MS);
        OptionalDouble large = median(LARGE, "retort", Metric.APPLY_IN_PROCESS_MS);
        String goal = "per migration at 10,000 ≤ 1.5× per migration at 100";
        if (small.isEmpty() || large.isEmpty()) {
            OptionalDouble mid = median(N, "retort", Metric.APPLY_IN_PROCESS_MS);
            String partial = small.isPresent() && mid.isPresent()
                    ? "100: " + Format.perMigration(small, SMALL) + ", 1,000: " + Format.perMigration(mid, N) : "n/a";
            return new Row("Cost growth (in-process apply time per migration)", goal, partial,
                    "not measured (needs N = 100 and 10,000: full mode)");
        }
        double ratio = (large.getAsDouble() / LARGE) / (small.getAsDouble() / SMALL);
        return new Row("Cost growth (in-process apply time per migration)", goal,
                String.format("%.2f× (100: %s, 10,000: %s)", ratio, Format.perMigration(small, SMALL),
                        Format.perMigration(large, LARGE)), pass(ratio <= 1.5));
    }

    private Row dataLoad() {
        Results.DataLoadResult load = results.dataLoad();
        String target = "300 MB data migration";
        if (load == null) {
            return new Row(target, "completes with -Xmx64m", "n/a", "not measured (full mode)");
        }
        String measured = (load.completed() ? "completed" : "did not complete") + " with -Xmx" + load.heapMib()
                + "m in " + Format.time(load.wallMs()) + " (" + load.megabytes() + " MB)";
        boolean asTargeted = load.megabytes() >= 300 && load.heapMib() <= 64;
        return new Row(target, "completes with -Xmx64m", measured,
                asTargeted ? pass(load.completed()) : "measured at a smaller size: " + pass(load.completed()));
    }

    private OptionalDouble median(String tool, Metric metric) {
        return median(N, tool, metric);
    }

    private OptionalDouble median(int n, String tool, Metric metric) {
        return results.median(n, tool, metric);
    }

    private static String status(OptionalDouble value, java.util.function.DoublePredicate ok) {
        return value.isPresent() ? pass(ok.test(value.getAsDouble())) : "not measured";
    }

    private static String pass(boolean ok) {
        return ok ? "PASS" : "FAIL";
    }
}
