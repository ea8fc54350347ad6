package dev.retort.bench.run;

import dev.retort.bench.tool.JvmTool;
import dev.retort.bench.tool.RetortCliTool;
import dev.retort.bench.tool.Tool;
import dev.retort.bench.workload.Workload;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The side-by-side comparison: for each workload size, each repetition and each tool, a fresh
 * database, the apply run and the no-op run in fresh processes, and once per size and tool the
 * warm no-op loop in one JVM. Repetitions go round all tools before the next one starts, so a
 * slow spell of the shared machine spreads over the tools instead of hitting one.
 */
public final class Runner {

    /** The kinds of run whose phases a tool may report. */
    public static final String APPLY = "apply, fresh process";
    /** See {@link #APPLY}. */
    public static final String NOOP_FRESH = "no-op, fresh process (cold)";
    /** See {@link #APPLY}. */
    public static final String NOOP_WARM = "no-op, warm in-process";

    /** The runs of the warm loop reported as {@link Metric#NOOP_WARMING_MS}, 1-based, inclusive. */
    private static final int WARMING_FIRST = 6;
    private static final int WARMING_LAST = 15;
    /** Longer than Retort waits before it trusts a file's stamp (3 s). */
    private static final long SETTLE_MILLIS = 3_500;

    private final Harness harness;
    private final int runs;
    private final int warmIterations;
    private final int warmDiscard;

    /**
     * @param harness        files, processes, databases, results
     * @param runs           repetitions per size and tool
     * @param warmIterations no-op runs in the warm loop
     * @param warmDiscard    how many of them are warm-up and left out of the median
     */
    public Runner(Harness harness, int runs, int warmIterations, int warmDiscard) {
        this.harness = harness;
        this.runs = runs;
        this.warmIterations = warmIterations;
        this.warmDiscard = warmDiscard;
    }

    /**
     * @param n     the workload size
     * @param tools the tools to compare (unavailable ones were already left out)
     * @throws IOException          when files cannot be written or psql fails
     * @throws InterruptedException when interrupted
     */
    public void compare(int n, List<Tool> tools) throws IOException, InterruptedException {
        Workload workload = Workload.generate(n);
        Map<Tool, Path> dirs = new LinkedHashMap<>();
        for (Tool tool : tools) {
            Path dir = harness.freshDirectory("n" + n + "/" + tool.id());
            tool.write(workload, dir);
            dirs.put(tool, dir);
        }
        for (int run = 1; run <= runs; run++) {
            for (Tool tool : tools) {
                System.err.printf("bench: N=%d run %d/%d %s%n", n, run, runs, tool.label());
                measure(tool, workload, dirs.get(tool), run);
            }
        }
    }

    private void measure(Tool tool, Workload workload, Path dir, int run) throws IOException, InterruptedException {
        int n = workload.size();
        String database = Databases.name(tool.id(), n);
        String label = tool.id() + "-n" + n + "-r" + run;
        harness.databases().recreate(database);
        try {
            ProcessResult apply = harness.processes().run(label + "-apply", tool.apply(dir, database));
            Optional<String> failure = apply.ok() ? harness.databases().verify(database, workload)
                    : Optional.of(apply.failure());
            if (failure.isPresent()) {
                harness.results().problem(tool.label() + " N=" + n + " run " + run + " apply failed: " + failure.get());
                return;
            }
            recordApply(tool, n, run, apply);
            ProcessResult noOp = harness.processes().run(label + "-noop", tool.noOp(dir, database));
            if (!noOp.ok()) {
                harness.results().problem(tool.label() + " N=" + n + " run " + run + " no-op failed: " + noOp.failure());
                return;
            }
            add(n, tool, run, Metric.NOOP_MS, Harness.millis(noOp.wallNanos()));
            if (!noOp.iterationNanos().isEmpty()) {
                add(n, tool, run, Metric.NOOP_IN_PROCESS_MS, Harness.millis(noOp.iterationNanos().get(0)));
            }
            phases(noOp.phasesPerIteration(), n, tool, NOOP_FRESH);
            noOp.startupMs().ifPresent(ms -> add(n, tool, run, Metric.NOOP_STARTUP_MS, ms));
            noOp.exitMs().ifPresent(ms -> add(n, tool, run, Metric.NOOP_EXIT_MS, ms));
            addRss(n, tool, run, Metric.NOOP_RSS_MIB, noOp);
            if (run == 1 && tool instanceof JvmTool jvm) {
                warmNoOp(jvm, n, dir, database, label);
            }
            deployOne(tool, workload, dir, database, run, label);
        } finally {
            harness.databases().drop(database);
        }
    }

    /**
     * Adds the next migration to the tool's files and applies it. The harness first waits as long as
     * Retort does before it trusts a file's stamp, since a release's files are older than that
     * when it starts; the other tools do not care.
     */
    private void deployOne(Tool tool, Workload workload, Path dir, String database, int run, String label)
            throws IOException, InterruptedException {
        try {
            Optional<List<String>> command = tool.deploy(workload, dir, database);
            if (command.isEmpty()) {
                return;
            }
            Thread.sleep(SETTLE_MILLIS);
            ProcessResult deploy = harness.processes().run(label + "-deploy", command.get());
            Optional<String> failure = deploy.ok() ? harness.databases().verify(database, workload.withNext())
                    : Optional.of(deploy.failure());
            if (failure.isPresent()) {
                harness.results().problem(tool.label() + " N=" + workload.size() + " run " + run + " deploy failed: "
                        + failure.get());
                return;
            }
            add(workload.size(), tool, run, Metric.DEPLOY_ONE_MS, Harness.millis(deploy.wallNanos()));
        } finally {
            tool.undeploy(workload, dir);
        }
    }

    private void recordApply(Tool tool, int n, int run, ProcessResult apply) {
        add(n, tool, run, Metric.APPLY_MS, Harness.millis(apply.wallNanos()));
        addRss(n, tool, run, Metric.APPLY_RSS_MIB, apply);
        List<Long> inProcess = apply.iterationNanos();
        if (!inProcess.isEmpty()) {
            add(n, tool, run, Metric.APPLY_IN_PROCESS_MS, Harness.millis(inProcess.get(0)));
        } else if (!(tool instanceof RetortCliTool)) {
            // psql has no start-up worth separating: its wall time is its in-process time.
            add(n, tool, run, Metric.APPLY_IN_PROCESS_MS, Harness.millis(apply.wallNanos()));
        }
        phases(apply.phasesPerIteration(), n, tool, APPLY);
    }

    private void warmNoOp(JvmTool tool, int n, Path dir, String database, String label)
            throws IOException, InterruptedException {
        ProcessResult warm = harness.processes().run(label + "-warm",
                tool.command(dir, database, warmIterations, List.of()));
        List<Long> nanos = warm.iterationNanos();
        if (!warm.ok() || nanos.size() <= warmDiscard) {
            harness.results().problem(tool.label() + " N=" + n + " warm no-op failed: " + warm.failure());
            return;
        }
        add(n, tool, 1, Metric.NOOP_WARM_MS, medianMillis(nanos.subList(warmDiscard, nanos.size())));
        if (nanos.size() >= WARMING_LAST) {
            add(n, tool, 1, Metric.NOOP_WARMING_MS, medianMillis(nanos.subList(WARMING_FIRST - 1, WARMING_LAST)));
        }
        List<Map<String, Double>> phases = warm.phasesPerIteration();
        phases(phases.subList(Math.min(warmDiscard, phases.size()), phases.size()), n, tool, NOOP_WARM);
    }

    private static double medianMillis(List<Long> nanos) {
        return Stats.median(nanos.stream().map(Harness::millis).toList()).orElseThrow();
    }

    private void phases(List<Map<String, Double>> iterations, int n, Tool tool, String kind) {
        for (Map<String, Double> phases : iterations) {
            phases.forEach((phase, ms) -> harness.results().add(new Results.Phase(n, tool.id(), kind, phase, ms)));
        }
    }

    private void addRss(int n, Tool tool, int run, Metric metric, ProcessResult result) {
        if (result.peakRssKb() > 0) {
            add(n, tool, run, metric, result.peakRssKb() / 1024.0);
        }
    }

    private void add(int n, Tool tool, int run, Metric metric, double value) {
        harness.results().add(new Results.Sample(n, tool.id(), run, metric, value));
    }
}
