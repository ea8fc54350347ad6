package dev.retort.bench.run;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * Everything one benchmark run measured: samples per size, tool and metric, the memory and profile
 * sections, and every failure or skip, so that the report can say what is missing and why.
 */
public final class Results {

    private final List<Sample> samples = new ArrayList<>();
    private final List<Phase> phases = new ArrayList<>();
    private final List<String> problems = new ArrayList<>();
    private final Map<String, String> toolNotes = new LinkedHashMap<>();
    private final List<XmxProbe> xmxProbes = new ArrayList<>();
    private final Map<String, List<String>> profiles = new LinkedHashMap<>();
    private DataLoadResult dataLoad;
    private int xmxSize;

    /**
     * One measured value.
     *
     * @param n      the workload size
     * @param tool   the tool id
     * @param run    the 1-based repetition
     * @param metric what was measured
     * @param value  the value, in the metric's unit
     */
    public record Sample(int n, String tool, int run, Metric metric, double value) {
    }

    /**
     * The time one phase of a run took, as the tool's own events tell it.
     *
     * @param n     the workload size
     * @param tool  the tool id
     * @param kind  which run ("apply, fresh process", "no-op, warm in-process")
     * @param phase the phase's name
     * @param ms    how long it took
     */
    public record Phase(int n, String tool, String kind, String phase, double ms) {
    }

    /**
     * One try at a heap limit.
     *
     * @param heapMib   the {@code -Xmx} in MiB
     * @param completed whether the run applied the whole workload
     * @param wallMs    how long it took
     * @param rssKb     its peak RSS
     */
    public record XmxProbe(int heapMib, boolean completed, double wallMs, long rssKb) {
    }

    /**
     * The data-load migration.
     *
     * @param megabytes      its size
     * @param rows           rows it inserts
     * @param heapMib        the heap limit it ran with
     * @param completed      whether every row arrived
     * @param wallMs         Retort's time, fresh process
     * @param rssKb          Retort's peak RSS
     * @param floorMs        psql's time for the same statements in one transaction
     * @param note           a failure, or empty
     */
    public record DataLoadResult(long megabytes, long rows, int heapMib, boolean completed, double wallMs,
            long rssKb, double floorMs, String note) {
    }

    /**
     * @param sample a measured value
     */
    public synchronized void add(Sample sample) {
        samples.add(sample);
    }

    /**
     * @param n      the workload size
     * @param tool   the tool id
     * @param metric what
     * @return every value recorded for them, in order
     */
    public synchronized List<Double> values(int n, String tool, Metric metric) {
        return samples.stream().filter(s -> s.n() == n && s.tool().equals(tool) && s.metric() == metric)
                .map(Sample::value).toList();
    }

    /**
     * @param n      the workload size
     * @param tool   the tool id
     * @param metric what
     * @return the median of the recorded values, or empty when none were
     */
    public OptionalDouble median(int n, String tool, Metric metric) {
        return Stats.median(values(n, tool, metric));
    }

    /** @param phase a phase's duration */
    public synchronized void add(Phase phase) {
        phases.add(phase);
    }

    /**
     * @param n    the workload size
     * @param tool the tool id
     * @return the kinds of run with phases recorded, in the order first recorded
     */
    public synchronized List<String> phaseKinds(int n, String tool) {
        return phases.stream().filter(p -> p.n() == n && p.tool().equals(tool)).map(Phase::kind).distinct().toList();
    }

    /**
     * @param n    the workload size
     * @param tool the tool id
     * @param kind which run
     * @return the median duration of each phase, in the order first recorded
     */
    public synchronized Map<String, Double> phaseMedians(int n, String tool, String kind) {
        Map<String, List<Double>> byPhase = new LinkedHashMap<>();
        phases.stream().filter(p -> p.n() == n && p.tool().equals(tool) && p.kind().equals(kind))
                .forEach(p -> byPhase.computeIfAbsent(p.phase(), k -> new ArrayList<>()).add(p.ms()));
        Map<String, Double> medians = new LinkedHashMap<>();
        byPhase.forEach((phase, values) -> medians.put(phase, Stats.median(values).orElseThrow()));
        return medians;
    }

    /** @return every sample, in the order measured */
    public synchronized List<Sample> samples() {
        return List.copyOf(samples);
    }

    /** @param problem a failure or skip, phrased for the report */
    public synchronized void problem(String problem) {
        problems.add(problem);
        System.err.println("bench: " + problem);
    }

    /** @return every failure and skip */
    public synchronized List<String> problems() {
        return List.copyOf(problems);
    }

    /**
     * @param tool a tool label
     * @param note how it was configured
     */
    public synchronized void toolNote(String tool, String note) {
        toolNotes.put(tool, note);
    }

    /** @return configuration notes by tool label */
    public synchronized Map<String, String> toolNotes() {
        return new LinkedHashMap<>(toolNotes);
    }

    /**
     * @param n     the workload size the heap search used
     * @param probe one try
     */
    public synchronized void xmxProbe(int n, XmxProbe probe) {
        xmxSize = n;
        xmxProbes.add(probe);
    }

    /** @return the heap search's tries, in order */
    public synchronized List<XmxProbe> xmxProbes() {
        return List.copyOf(xmxProbes);
    }

    /** @return the workload size of the heap search (0 when it did not run) */
    public synchronized int xmxSize() {
        return xmxSize;
    }

    /** @param result the data-load result */
    public synchronized void dataLoad(DataLoadResult result) {
        dataLoad = result;
    }

    /** @return the data-load result, or {@code null} when it did not run */
    public synchronized DataLoadResult dataLoad() {
        return dataLoad;
    }

    /**
     * @param title   what was profiled
     * @param summary the summary's lines
     */
    public synchronized void profile(String title, List<String> summary) {
        profiles.put(title, List.copyOf(summary));
    }

    /** @return profile summaries by title */
    public synchronized Map<String, List<String>> profiles() {
        return new LinkedHashMap<>(profiles);
    }
}
