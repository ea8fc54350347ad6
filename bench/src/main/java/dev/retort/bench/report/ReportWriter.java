package dev.retort.bench.report;

import dev.retort.bench.run.Metric;
import dev.retort.bench.run.Results;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * Writes the results as Markdown (the tables of {@code docs/performance.md}) and as CSV (every
 * sample, for anyone who wants more than medians).
 */
public final class ReportWriter {

    private final Results results;
    private final Map<String, String> labels;
    private final List<String> environment;

    /**
     * @param results     what was measured
     * @param labels      tool labels by id, in report order
     * @param environment lines describing the machine, server and settings
     */
    public ReportWriter(Results results, Map<String, String> labels, List<String> environment) {
        this.results = results;
        this.labels = labels;
        this.environment = List.copyOf(environment);
    }

    /**
     * @param dir where to write {@code report.md} and {@code samples.csv}
     * @return the Markdown report
     * @throws IOException when a file cannot be written
     */
    public String write(Path dir) throws IOException {
        Files.createDirectories(dir);
        String markdown = markdown();
        Files.writeString(dir.resolve("report.md"), markdown);
        StringBuilder csv = new StringBuilder("n,tool,run,metric,value\n");
        for (Results.Sample s : results.samples()) {
            csv.append(s.n()).append(',').append(s.tool()).append(',').append(s.run()).append(',')
                    .append(s.metric()).append(',').append(String.format("%.3f", s.value())).append('\n');
        }
        Files.writeString(dir.resolve("samples.csv"), csv);
        return markdown;
    }

    private String markdown() {
        StringBuilder md = new StringBuilder("# Retort benchmark\n\n");
        environment.forEach(line -> md.append("- ").append(line).append('\n'));
        md.append("\n## Targets (issue #6)\n\n| target | goal | measured (median) | status |\n|---|---|---|---|\n");
        for (Targets.Row row : new Targets(results).rows()) {
            md.append("| ").append(row.target()).append(" | ").append(row.goal()).append(" | ").append(row.measured())
                    .append(" | ").append(row.status()).append(" |\n");
        }
        for (int n : sizes()) {
            comparison(md, n);
        }
        growth(md);
        breakdown(md);
        memory(md);
        profiles(md);
        notes(md);
        return md.toString();
    }

    private void comparison(StringBuilder md, int n) {
        md.append("\n## N = ").append(Format.count(n)).append(" migrations\n\n")
                .append("| tool | apply, fresh process | × psql floor | apply, in-process | per migration"
                        + " | apply peak RSS | no-op, fresh process | no-op, warm in-process | no-op, runs 6–15 | no-op peak RSS |\n")
                .append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        OptionalDouble floor = results.median(n, "psql", Metric.APPLY_MS);
        for (Map.Entry<String, String> tool : labels.entrySet()) {
            String id = tool.getKey();
            OptionalDouble apply = results.median(n, id, Metric.APPLY_MS);
            if (apply.isEmpty() && results.median(n, id, Metric.NOOP_MS).isEmpty()) {
                continue;
            }
            OptionalDouble inProcess = results.median(n, id, Metric.APPLY_IN_PROCESS_MS);
            md.append("| ").append(tool.getValue())
                    .append(" | ").append(Format.time(apply))
                    .append(" | ").append(Format.ratio(apply, floor))
                    .append(" | ").append(Format.time(inProcess))
                    .append(" | ").append(Format.perMigration(inProcess.isPresent() ? inProcess : apply, n))
                    .append(" | ").append(Format.mib(results.median(n, id, Metric.APPLY_RSS_MIB)))
                    .append(" | ").append(Format.time(results.median(n, id, Metric.NOOP_MS)))
                    .append(" | ").append(Format.time(results.median(n, id, Metric.NOOP_WARM_MS)))
                    .append(" | ").append(Format.time(results.median(n, id, Metric.NOOP_WARMING_MS)))
                    .append(" | ").append(Format.mib(results.median(n, id, Metric.NOOP_RSS_MIB)))
                    .append(" |\n");
        }
        noOpSplit(md, n);
        deploys(md, n);
        md.append("\nMedians of ").append(runsOf(n)).append(" runs. The psql row's no-op is a connection and"
                + " `SELECT 1`. \"Per migration\" divides the in-process time (the fresh-process time for the CLI)."
                + " The warm no-op is the median of the warm loop's later runs; \"runs 6–15\" is the same loop"
                + " earlier, while the JIT is still compiling.\n");
    }

    /** Where a fresh no-op process spends its time: the JVM's start, the tool's work, the JVM's exit. */
    private void noOpSplit(StringBuilder md, int n) {
        StringBuilder rows = new StringBuilder();
        for (Map.Entry<String, String> tool : labels.entrySet()) {
            OptionalDouble startup = results.median(n, tool.getKey(), Metric.NOOP_STARTUP_MS);
            if (startup.isPresent()) {
                rows.append("| ").append(tool.getValue())
                        .append(" | ").append(Format.time(startup))
                        .append(" | ").append(Format.time(results.median(n, tool.getKey(), Metric.NOOP_IN_PROCESS_MS)))
                        .append(" | ").append(Format.time(results.median(n, tool.getKey(), Metric.NOOP_EXIT_MS)))
                        .append(" | ").append(Format.time(results.median(n, tool.getKey(), Metric.NOOP_MS)))
                        .append(" |\n");
            }
        }
        if (!rows.isEmpty()) {
            md.append("\nThe fresh-process no-op, split: JVM start to `main`, the tool's configuration and run"
                    + " (cold: nothing is JIT-compiled yet), and `System.exit` to the process's end.\n\n"
                    + "| tool | JVM start-up | configure + run (cold) | exit | total |\n|---|---:|---:|---:|---:|\n")
                    .append(rows);
        }
    }

    /** What a release that brings one migration pays, next to the floors of the same work. */
    private void deploys(StringBuilder md, int n) {
        StringBuilder rows = new StringBuilder();
        OptionalDouble floor = results.median(n, "psql", Metric.DEPLOY_ONE_MS);
        for (Map.Entry<String, String> tool : labels.entrySet()) {
            OptionalDouble deploy = results.median(n, tool.getKey(), Metric.DEPLOY_ONE_MS);
            if (deploy.isPresent()) {
                rows.append("| ").append(tool.getValue())
                        .append(" | ").append(Format.time(deploy))
                        .append(" | ").append(Format.ratio(deploy, floor))
                        .append(" |\n");
            }
        }
        if (!rows.isEmpty()) {
            md.append("\nA deploy that brings one migration to the database at ").append(Format.count(n))
                    .append(", fresh process (its file older than 3 s, as a release's are; the floors run the new"
                            + " migration alone):\n\n| tool | deploy one, fresh process | × psql floor |\n|---|---:|---:|\n")
                    .append(rows);
        }
    }

    private void growth(StringBuilder md) {
        List<Integer> sizes = sizes();
        if (sizes.size() < 2) {
            return;
        }
        md.append("\n## Cost growth: in-process apply time per migration\n\n| tool |");
        sizes.forEach(n -> md.append(" N = ").append(Format.count(n)).append(" |"));
        md.append(" largest ÷ smallest |\n|---|");
        sizes.forEach(n -> md.append("---:|"));
        md.append("---:|\n");
        int first = sizes.get(0);
        int last = sizes.get(sizes.size() - 1);
        for (Map.Entry<String, String> tool : labels.entrySet()) {
            md.append("| ").append(tool.getValue()).append(" |");
            for (int n : sizes) {
                md.append(' ').append(Format.perMigration(perMigrationSource(n, tool.getKey()), n)).append(" |");
            }
            OptionalDouble a = perMigrationSource(first, tool.getKey());
            OptionalDouble b = perMigrationSource(last, tool.getKey());
            md.append(' ').append(a.isPresent() && b.isPresent()
                    ? String.format("%.2f×", (b.getAsDouble() / last) / (a.getAsDouble() / first)) : "n/a").append(" |\n");
        }
    }

    private OptionalDouble perMigrationSource(int n, String tool) {
        OptionalDouble inProcess = results.median(n, tool, Metric.APPLY_IN_PROCESS_MS);
        return inProcess.isPresent() ? inProcess : results.median(n, tool, Metric.APPLY_MS);
    }

    /** Retort's own account of its time, phase by phase, for each kind of run. */
    private void breakdown(StringBuilder md) {
        md.append("\n## Where Retort's time goes (phases timed from its events, medians)\n");
        for (int n : sizes()) {
            List<String> kinds = results.phaseKinds(n, "retort");
            if (kinds.isEmpty()) {
                continue;
            }
            List<Map<String, Double>> columns = kinds.stream().map(k -> results.phaseMedians(n, "retort", k)).toList();
            md.append("\nN = ").append(Format.count(n)).append(":\n\n| phase |");
            kinds.forEach(k -> md.append(' ').append(k).append(" |"));
            md.append("\n|---|");
            kinds.forEach(k -> md.append("---:|"));
            md.append('\n');
            columns.stream().flatMap(c -> c.keySet().stream()).distinct().forEach(phase -> {
                md.append("| ").append(PHASES.getOrDefault(phase, phase)).append(" |");
                for (Map<String, Double> column : columns) {
                    Double ms = column.get(phase);
                    md.append(' ').append(ms == null ? "" : Format.time(ms)).append(" |");
                }
                md.append('\n');
            });
            md.append("\npsql floor for the same statements: ")
                    .append(Format.time(results.median(n, "psql", Metric.APPLY_MS))).append(".\n");
        }
    }

    private static final Map<String, String> PHASES = Map.of(
            "files", "read every file while connecting and reading the version table",
            "connect_lock", "open two connections, take the advisory lock",
            "read_plan_check", "read the version table, plan, check statements",
            "create_tables", "create Retort's tables",
            "revisions", "revisions (first started to last applied; each one query, sent while the one before runs)",
            "finish", "unlock, close connections",
            "after", "until the stream completes");

    private void memory(StringBuilder md) {
        md.append("\n## Memory\n\n");
        if (!results.xmxProbes().isEmpty()) {
            md.append("Smallest heap for Retort to apply N = ").append(Format.count(results.xmxSize()))
                    .append(" from empty (binary search, fresh process each):\n\n| -Xmx | completed | time | peak RSS |\n"
                            + "|---:|---|---:|---:|\n");
            for (Results.XmxProbe p : results.xmxProbes()) {
                md.append("| ").append(p.heapMib()).append("m | ").append(p.completed() ? "yes" : "no").append(" | ")
                        .append(Format.time(p.wallMs())).append(" | ").append(p.rssKb() / 1024).append(" MiB |\n");
            }
        } else {
            md.append("Heap search: not run (full mode runs it at N = 10,000).\n");
        }
        Results.DataLoadResult load = results.dataLoad();
        if (load != null) {
            md.append(String.format("%nData load: one revision with %d MB of INSERTs (%,d rows), Retort with -Xmx%dm:"
                            + " %s in %s, peak RSS %d MiB; psql -f of the same statements in one transaction: %s.%s%n",
                    load.megabytes(), load.rows(), load.heapMib(), load.completed() ? "completed" : "did NOT complete",
                    Format.time(load.wallMs()), load.rssKb() / 1024, Format.time(load.floorMs()),
                    load.note().isEmpty() ? "" : " " + load.note()));
        } else {
            md.append("\nData load: not run (full mode runs 300 MB).\n");
        }
    }

    private void profiles(StringBuilder md) {
        for (Map.Entry<String, List<String>> profile : results.profiles().entrySet()) {
            md.append("\n## Profile: ").append(profile.getKey()).append("\n\n```\n");
            profile.getValue().forEach(line -> md.append(line).append('\n'));
            md.append("```\n");
        }
    }

    private void notes(StringBuilder md) {
        md.append("\n## Tool configuration\n\n");
        results.toolNotes().forEach((tool, note) -> md.append("- ").append(tool).append(": ").append(note).append('\n'));
        if (!results.problems().isEmpty()) {
            md.append("\n## Failures and skips\n\n");
            results.problems().forEach(p -> md.append("- ").append(p).append('\n'));
        }
    }

    private List<Integer> sizes() {
        return results.samples().stream().map(Results.Sample::n).distinct().sorted().toList();
    }

    private long runsOf(int n) {
        return results.samples().stream().filter(s -> s.n() == n && s.metric() == Metric.APPLY_MS)
                .mapToInt(Results.Sample::run).max().orElse(0);
    }
}
