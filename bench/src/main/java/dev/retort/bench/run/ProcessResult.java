package dev.retort.bench.run;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * What one measured process did.
 *
 * @param exitCode   its exit code (-1 when it was killed at the timeout)
 * @param wallNanos  from start to exit, as the harness's clock saw it
 * @param peakRssKb  the peak resident set size in KiB, or -1 when it could not be measured
 * @param benchLines the {@code BENCH ...} lines a child JVM printed (none for other programs)
 * @param log        the file holding its whole output
 * @param timedOut   whether it was killed at the timeout
 * @param startedAt  wall-clock time just before the process was started
 * @param endedAt    wall-clock time just after it was seen to exit
 */
public record ProcessResult(int exitCode, long wallNanos, long peakRssKb, List<String> benchLines, Path log,
        boolean timedOut, Instant startedAt, Instant endedAt) {

    /** Copies the list so the record stays immutable. */
    public ProcessResult {
        benchLines = List.copyOf(benchLines);
    }

    /** @return whether it exited with 0 in time */
    public boolean ok() {
        return exitCode == 0 && !timedOut;
    }

    /** @return the durations of the child's iterations, in order, in nanoseconds */
    public List<Long> iterationNanos() {
        List<Long> nanos = new ArrayList<>();
        for (String line : benchLines) {
            field(line, "nanos").ifPresent(v -> nanos.add(Long.parseLong(v)));
        }
        return nanos;
    }

    /**
     * @return per iteration, the {@code phase.<name>=<nanos>} fields the child printed, in order,
     *     as milliseconds by phase name
     */
    public List<Map<String, Double>> phasesPerIteration() {
        List<Map<String, Double>> iterations = new ArrayList<>();
        for (String line : benchLines) {
            if (!line.contains("iteration=")) {
                continue;
            }
            Map<String, Double> phases = new LinkedHashMap<>();
            for (String part : line.split(" ")) {
                int equals = part.indexOf('=');
                if (part.startsWith("phase.") && equals > 0) {
                    phases.put(part.substring("phase.".length(), equals), Long.parseLong(part.substring(equals + 1)) / 1e6);
                }
            }
            iterations.add(phases);
        }
        return iterations;
    }

    /**
     * @return from process start to the child's {@code main}: JVM start-up and class loading of
     *     the entry point, in milliseconds; empty for a program that does not report it
     */
    public OptionalDouble startupMs() {
        return mark("main_epoch_micros").map(main -> OptionalDouble.of((main - micros(startedAt)) / 1e3))
                .orElse(OptionalDouble.empty());
    }

    /**
     * @return from the child's last mark before {@code System.exit} to the process's end (shutdown
     *     hooks, threads being stopped), in milliseconds; empty when not reported
     */
    public OptionalDouble exitMs() {
        return mark("exit_epoch_micros").map(exit -> OptionalDouble.of((micros(endedAt) - exit) / 1e3))
                .orElse(OptionalDouble.empty());
    }

    private Optional<Long> mark(String key) {
        for (String line : benchLines) {
            Optional<String> value = field(line, key);
            if (value.isPresent()) {
                return value.map(Long::valueOf);
            }
        }
        return Optional.empty();
    }

    private static long micros(Instant instant) {
        return instant.getEpochSecond() * 1_000_000 + instant.getNano() / 1_000;
    }

    /** @return a short description of a failure, pointing at the log */
    public String failure() {
        return (timedOut ? "timed out" : "exit code " + exitCode) + "; see " + log;
    }

    private static Optional<String> field(String line, String key) {
        for (String part : line.split(" ")) {
            if (part.startsWith(key + "=")) {
                return Optional.of(part.substring(key.length() + 1));
            }
        }
        return Optional.empty();
    }
}
