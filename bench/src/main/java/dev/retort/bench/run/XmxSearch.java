package dev.retort.bench.run;

import dev.retort.bench.tool.JvmTool;
import dev.retort.bench.workload.Workload;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Finds the smallest {@code -Xmx} with which a tool applies N migrations from empty, by binary
 * search over child processes. The target heap is tried first, so that its pass or fail is
 * measured directly rather than inferred.
 */
public final class XmxSearch {

    /** Search resolution: heap sizes closer than this are not told apart. */
    private static final int STEP_MIB = 4;
    private static final int CEILING_MIB = 1024;

    private final Harness harness;
    private final JvmTool tool;

    /**
     * @param harness files, processes, databases, results
     * @param tool    the tool whose heap is searched
     */
    public XmxSearch(Harness harness, JvmTool tool) {
        this.harness = harness;
        this.tool = tool;
    }

    /**
     * @param n         the workload size
     * @param targetMib the heap the project aims for, tried first
     * @throws IOException          when files cannot be written or psql fails
     * @throws InterruptedException when interrupted
     */
    public void search(int n, int targetMib) throws IOException, InterruptedException {
        Workload workload = Workload.generate(n);
        Path dir = harness.freshDirectory("xmx-n" + n + "/" + tool.id());
        tool.write(workload, dir);
        int failing = 0;
        int passing = -1;
        for (int heap = targetMib; passing < 0 && heap <= CEILING_MIB; heap *= 2) {
            if (probe(workload, dir, heap)) {
                passing = heap;
            } else {
                failing = heap;
            }
        }
        if (passing < 0) {
            harness.results().problem(tool.label() + " did not complete N=" + n + " even with -Xmx" + CEILING_MIB + "m");
            return;
        }
        while (passing - failing > STEP_MIB) {
            int middle = (failing + passing) / 2 / 2 * 2;
            if (probe(workload, dir, middle)) {
                passing = middle;
            } else {
                failing = middle;
            }
        }
    }

    private boolean probe(Workload workload, Path dir, int heapMib) throws IOException, InterruptedException {
        System.err.printf("bench: heap search N=%d -Xmx%dm%n", workload.size(), heapMib);
        String database = Databases.name(tool.id() + "_xmx", workload.size());
        harness.databases().recreate(database);
        try {
            // Exit at once on OutOfMemoryError: a thread that dies of it could leave the run hanging.
            ProcessResult result = harness.processes().run("xmx-" + tool.id() + "-n" + workload.size() + "-" + heapMib,
                    tool.command(dir, database, 1, List.of("-Xmx" + heapMib + "m", "-XX:+ExitOnOutOfMemoryError")));
            Optional<String> wrong = result.ok() ? harness.databases().verify(database, workload)
                    : Optional.of(result.failure());
            harness.results().xmxProbe(workload.size(), new Results.XmxProbe(heapMib, wrong.isEmpty(),
                    Harness.millis(result.wallNanos()), result.peakRssKb()));
            return wrong.isEmpty();
        } finally {
            harness.databases().drop(database);
        }
    }
}
