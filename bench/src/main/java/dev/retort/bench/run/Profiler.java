package dev.retort.bench.run;

import dev.retort.bench.tool.JvmTool;
import dev.retort.bench.workload.Workload;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Where a tool's CPU time goes: its apply run (fresh process) and its no-op run (repeated in one
 * JVM) under Java Flight Recorder, each summarised by {@link ProfileSummary}. The recordings stay
 * beside the report for {@code jfr print --events jdk.ExecutionSample} or JDK Mission Control.
 */
public final class Profiler {

    private final Harness harness;
    private final JvmTool tool;
    private final Path outputDir;

    /**
     * @param harness   files, processes, databases, results
     * @param tool      the tool to profile
     * @param outputDir where the recordings go
     */
    public Profiler(Harness harness, JvmTool tool, Path outputDir) {
        this.harness = harness;
        this.tool = tool;
        this.outputDir = outputDir;
    }

    /**
     * @param n               the workload size
     * @param noOpIterations  how many no-op runs the second recording covers
     * @throws IOException          when files cannot be written or psql fails
     * @throws InterruptedException when interrupted
     */
    public void profile(int n, int noOpIterations) throws IOException, InterruptedException {
        Workload workload = Workload.generate(n);
        Path dir = harness.freshDirectory("profile-n" + n + "/" + tool.id());
        tool.write(workload, dir);
        String database = Databases.name(tool.id() + "_profile", n);
        harness.databases().recreate(database);
        try {
            record("apply", "apply N=" + n + " from empty, one fresh process", dir, database, 1);
            record("noop", "no-op with N=" + n + " applied, " + noOpIterations + " runs in one JVM", dir, database,
                    noOpIterations);
        } finally {
            harness.databases().drop(database);
        }
    }

    private void record(String name, String title, Path dir, String database, int iterations)
            throws IOException, InterruptedException {
        System.err.println("bench: profiling " + tool.label() + " " + title);
        Path recording = outputDir.resolve(tool.id() + "-" + name + ".jfr").toAbsolutePath();
        // The profile settings sample every 10 ms; a run is mostly waiting for the server, so sample
        // every millisecond to get enough stacks from the little CPU time it uses.
        String option = "-XX:StartFlightRecording=filename=" + recording + ",settings=profile,jdk.ExecutionSample#period="
                + ProfileSummary.PERIOD_MS + "ms";
        ProcessResult result = harness.processes().run("profile-" + tool.id() + "-" + name,
                tool.command(dir, database, iterations, List.of(option)));
        if (!result.ok()) {
            harness.results().problem("profiling " + title + " failed: " + result.failure());
            return;
        }
        harness.results().profile(tool.label() + ", " + title + " (" + recording.getFileName() + ")",
                ProfileSummary.summarise(recording));
    }
}
