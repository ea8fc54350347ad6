package dev.retort.bench;

import dev.retort.bench.run.Server;
import dev.retort.bench.tool.RetortCliTool;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The benchmark's settings. {@code --mode quick} (sizes 100 and 1,000, three runs, a profile) and
 * {@code --mode full} (adds 10,000, the heap search and the 300 MB data load) set the defaults;
 * later options override single settings.
 *
 * @param mode            quick or full
 * @param sizes           workload sizes (migration counts)
 * @param runs            repetitions per size and tool
 * @param warmIterations  no-op runs in the warm loop
 * @param warmDiscard     warm-up runs left out of the warm median
 * @param tools           tool ids to compare
 * @param cliJar          the CLI's runnable jar
 * @param cliJvmOptions   JVM options for the CLI
 * @param xmxSize         workload size for the heap search (0: skip)
 * @param xmxTargetMib    the heap the project aims for
 * @param loadMegabytes   size of the data-load migration (0: skip)
 * @param profileSize     workload size for the profiles (0: skip)
 * @param profileNoOps    no-op runs in the no-op profile
 * @param server          the PostgreSQL server
 * @param workDir         where generated migrations go
 * @param resultsDir      where reports, logs and recordings go
 * @param benchClasses    the benchmark's compiled classes
 * @param classpathDir    the per-tool class path files
 * @param timeout         the longest one process may run
 */
public record Options(String mode, List<Integer> sizes, int runs, int warmIterations, int warmDiscard,
        List<String> tools, Path cliJar, List<String> cliJvmOptions, int xmxSize, int xmxTargetMib,
        long loadMegabytes, int profileSize, int profileNoOps, Server server, Path workDir, Path resultsDir,
        Path benchClasses, Path classpathDir, Duration timeout) {

    /** Every tool, in the order they run within a repetition. */
    public static final List<String> ALL_TOOLS =
            List.of("psql", "psql-bookkeeping", "r2dbc-floor", "retort", "retort-cli", "flyway", "liquibase", "r2dbc-migrate");

    /** Copies the lists so the record stays immutable. */
    public Options {
        sizes = List.copyOf(sizes);
        tools = List.copyOf(tools);
        cliJvmOptions = List.copyOf(cliJvmOptions);
    }

    /**
     * @param args command-line arguments ({@code --name value} pairs)
     * @return the options
     * @throws IllegalArgumentException for an unknown option or a bad value
     */
    public static Options parse(String[] args) {
        Builder b = new Builder();
        for (int i = 0; i < args.length; i += 2) {
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException("option " + args[i] + " needs a value");
            }
            b.set(args[i], args[i + 1]);
        }
        return b.build();
    }

    /** Mutable settings while parsing; the mode's defaults apply first, whatever the option order. */
    private static final class Builder {

        private String mode = "quick";
        private final List<String[]> overrides = new ArrayList<>();

        void set(String name, String value) {
            if (name.equals("--mode")) {
                if (!value.equals("quick") && !value.equals("full")) {
                    throw new IllegalArgumentException("--mode is quick or full, not " + value);
                }
                mode = value;
            } else {
                overrides.add(new String[] {name, value});
            }
        }

        Options build() {
            boolean full = mode.equals("full");
            List<Integer> sizes = full ? List.of(100, 1_000, 10_000) : List.of(100, 1_000);
            int runs = 3;
            // The connection's code runs once per no-op, so the JIT compiles it only after tens of
            // runs: the warm figure is the second hundred; runs 6-15 are reported beside it.
            int warmIterations = 200;
            int warmDiscard = 100;
            List<String> tools = ALL_TOOLS;
            Path cliJar = Path.of("cli/target/retort.jar");
            List<String> cliJvmOptions = split(RetortCliTool.LAUNCHER_OPTIONS);
            int xmxSize = full ? 10_000 : 0;
            int xmxTarget = 64;
            long load = full ? 300 : 0;
            int profileSize = 1_000;
            int profileNoOps = 100;
            String host = "127.0.0.1";
            int port = 5432;
            String user = "postgres";
            Path work = Path.of("bench/target/work");
            Path results = Path.of("bench/target/results");
            Path classes = Path.of("bench/target/classes");
            Path classpaths = Path.of("bench/target/classpath");
            Duration timeout = Duration.ofMinutes(30);
            for (String[] o : overrides) {
                String v = o[1];
                switch (o[0]) {
                    case "--sizes" -> sizes = Arrays.stream(v.split(",")).map(String::strip).map(Integer::valueOf).toList();
                    case "--runs" -> runs = Integer.parseInt(v);
                    case "--warm-iterations" -> warmIterations = Integer.parseInt(v);
                    case "--warm-discard" -> warmDiscard = Integer.parseInt(v);
                    case "--tools" -> tools = Arrays.stream(v.split(",")).map(String::strip).toList();
                    case "--cli-jar" -> cliJar = Path.of(v);
                    case "--cli-java-opts" -> cliJvmOptions = split(v);
                    case "--xmx-size" -> xmxSize = Integer.parseInt(v);
                    case "--xmx-target" -> xmxTarget = Integer.parseInt(v);
                    case "--load-mb" -> load = Long.parseLong(v);
                    case "--profile-size" -> profileSize = Integer.parseInt(v);
                    case "--profile-noops" -> profileNoOps = Integer.parseInt(v);
                    case "--host" -> host = v;
                    case "--port" -> port = Integer.parseInt(v);
                    case "--user" -> user = v;
                    case "--work" -> work = Path.of(v);
                    case "--results" -> results = Path.of(v);
                    case "--classes" -> classes = Path.of(v);
                    case "--classpaths" -> classpaths = Path.of(v);
                    case "--timeout-minutes" -> timeout = Duration.ofMinutes(Long.parseLong(v));
                    default -> throw new IllegalArgumentException("unknown option " + o[0]);
                }
            }
            for (String tool : tools) {
                if (!ALL_TOOLS.contains(tool)) {
                    throw new IllegalArgumentException("unknown tool " + tool + "; the tools are " + ALL_TOOLS);
                }
            }
            return new Options(mode, sizes, runs, warmIterations, warmDiscard, tools, cliJar.toAbsolutePath(),
                    cliJvmOptions, xmxSize, xmxTarget, load, profileSize, profileNoOps, new Server(host, port, user),
                    work.toAbsolutePath(), results.toAbsolutePath(), classes.toAbsolutePath(),
                    classpaths.toAbsolutePath(), timeout);
        }

        private static List<String> split(String options) {
            return options.isBlank() ? List.of() : List.of(options.strip().split("\\s+"));
        }
    }
}
