package dev.retort.bench;

import dev.retort.bench.report.ReportWriter;
import dev.retort.bench.run.Databases;
import dev.retort.bench.run.Harness;
import dev.retort.bench.run.ProcessRunner;
import dev.retort.bench.run.Profiler;
import dev.retort.bench.run.Results;
import dev.retort.bench.run.Runner;
import dev.retort.bench.run.XmxSearch;
import dev.retort.bench.run.DataLoadBench;
import dev.retort.bench.tool.ChildJava;
import dev.retort.bench.tool.FlywayTool;
import dev.retort.bench.tool.LiquibaseTool;
import dev.retort.bench.tool.PsqlTool;
import dev.retort.bench.tool.R2dbcFloorTool;
import dev.retort.bench.tool.R2dbcMigrateTool;
import dev.retort.bench.tool.RetortCliTool;
import dev.retort.bench.tool.RetortTool;
import dev.retort.bench.tool.Tool;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The benchmark's entry point (run it through {@code bench/run.sh}, which builds it and holds the
 * machine's build lock). Compares the tools side by side, then runs the memory figures and the
 * profiles, and writes {@code report.md} and {@code samples.csv} under
 * {@code bench/target/results/<time>/}.
 */
public final class BenchMain {

    private BenchMain() {
    }

    /**
     * @param args see {@link Options}
     * @throws Exception when the harness itself fails (a tool's failure is reported, not thrown)
     */
    public static void main(String[] args) throws Exception {
        Options options = Options.parse(args);
        Path resultsDir = options.resultsDir().resolve(LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
        Files.createDirectories(resultsDir);
        ProcessRunner processes = new ProcessRunner(resultsDir.resolve("logs"), options.timeout());
        Databases databases = new Databases(options.server());
        Results results = new Results();
        Harness harness = new Harness(options.workDir(), processes, databases, results);
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        ChildJava childJava = new ChildJava(java, options.benchClasses(), options.classpathDir(), options.server());
        RetortTool retort = new RetortTool(childJava);
        List<Tool> tools = tools(options, childJava, retort, java);
        Map<String, String> labels = new LinkedHashMap<>();
        List<Tool> available = new ArrayList<>();
        for (Tool tool : tools) {
            labels.put(tool.id(), tool.label());
            tool.unavailable().ifPresentOrElse(reason -> results.problem("skipped " + tool.label() + ": (" + reason + ")"),
                    () -> available.add(tool));
            if (!tool.note().isEmpty()) {
                results.toolNote(tool.label(), tool.note());
            }
        }
        Runner runner = new Runner(harness, options.runs(), options.warmIterations(), options.warmDiscard());
        for (int n : options.sizes()) {
            runner.compare(n, available);
        }
        if (options.xmxSize() > 0) {
            new XmxSearch(harness, retort).search(options.xmxSize(), options.xmxTargetMib());
        }
        if (options.loadMegabytes() > 0) {
            new DataLoadBench(harness, retort).run(options.loadMegabytes(), options.xmxTargetMib(), options.server());
        }
        if (options.profileSize() > 0) {
            new Profiler(harness, retort, resultsDir).profile(options.profileSize(), options.profileNoOps());
        }
        String report = new ReportWriter(results, labels, environment(options, processes, databases))
                .write(resultsDir);
        System.out.println(report);
        System.err.println("bench: report written to " + resultsDir.resolve("report.md"));
    }

    private static List<Tool> tools(Options options, ChildJava childJava, RetortTool retort, Path java) {
        List<Tool> tools = new ArrayList<>();
        for (String id : options.tools()) {
            tools.add(switch (id) {
                case "psql" -> PsqlTool.floor(options.server());
                case "psql-bookkeeping" -> PsqlTool.withBookkeeping(options.server());
                case "r2dbc-floor" -> new R2dbcFloorTool(childJava);
                case "retort" -> retort;
                case "retort-cli" -> new RetortCliTool(java, options.cliJar(), options.cliJvmOptions(), options.server());
                case "flyway" -> new FlywayTool(childJava);
                case "liquibase" -> new LiquibaseTool(childJava);
                case "r2dbc-migrate" -> new R2dbcMigrateTool(childJava);
                default -> throw new IllegalArgumentException("unknown tool " + id);
            });
        }
        return tools;
    }

    private static List<String> environment(Options options, ProcessRunner processes, Databases databases) {
        List<String> lines = new ArrayList<>();
        lines.add("Run: " + LocalDateTime.now().withNano(0) + ", mode " + options.mode() + ", sizes " + options.sizes()
                + ", " + options.runs() + " runs each; warm no-op: median of runs " + (options.warmDiscard() + 1)
                + "–" + options.warmIterations() + " in one JVM (runs 6–15, while the JIT still compiles, beside it)");
        lines.add("Machine: " + Runtime.getRuntime().availableProcessors() + " CPUs, " + memTotal() + "; Java "
                + System.getProperty("java.vm.version") + " (" + System.getProperty("java.vm.name") + ")");
        try {
            lines.add("Server: " + databases.psql("postgres", "SELECT version()").strip() + " at "
                    + options.server().host() + ":" + options.server().port() + "; fsync "
                    + databases.psql("postgres", "SHOW fsync").strip() + ", synchronous_commit "
                    + databases.psql("postgres", "SHOW synchronous_commit").strip());
        } catch (Exception e) {
            lines.add("Server: unknown (" + e.getMessage() + ")");
        }
        lines.add("Peak RSS: " + processes.rssMethod());
        lines.add("Every child JVM runs with default JVM options unless noted; each tool has only its own jars on"
                + " the class path.");
        return lines;
    }

    private static String memTotal() {
        try {
            return Files.readAllLines(Path.of("/proc/meminfo")).stream().filter(l -> l.startsWith("MemTotal:"))
                    .map(l -> Long.parseLong(l.replaceAll("[^0-9]", "")) / (1024 * 1024) + " GiB RAM").findFirst()
                    .orElse("unknown RAM");
        } catch (Exception e) {
            return "unknown RAM";
        }
    }
}
