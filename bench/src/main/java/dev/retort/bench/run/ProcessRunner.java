package dev.retort.bench.run;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Starts one measured process, waits for it and reports its wall time and peak memory. Output goes
 * to a log file, never to a pipe the harness would have to drain while timing.
 *
 * <p>Peak RSS comes from GNU time ({@code /usr/bin/time -f %M}), which reads it from the kernel's
 * accounting when the process ends, so nothing polls during the measurement; without GNU time it is
 * polled from {@code /proc/<pid>/status} (VmHWM, a high-water mark, so a late read loses little).
 */
public final class ProcessRunner {

    private static final Path GNU_TIME = Path.of("/usr/bin/time");

    private final Path logDir;
    private final Duration timeout;
    private final boolean gnuTime;

    /**
     * @param logDir  where each process's output is kept, as {@code <label>.log}
     * @param timeout how long a process may run before it is killed
     */
    public ProcessRunner(Path logDir, Duration timeout) {
        this.logDir = logDir;
        this.timeout = timeout;
        this.gnuTime = isGnuTime();
    }

    /** @return how peak RSS is measured, for the report */
    public String rssMethod() {
        return gnuTime ? "GNU time (%M, from the kernel at exit)" : "polling /proc/<pid>/status VmHWM every 5 ms";
    }

    /**
     * @param label   a file-name-safe name for the log
     * @param command the command line
     * @return what happened
     * @throws IOException          when the process cannot be started
     * @throws InterruptedException when the harness is interrupted
     */
    public ProcessResult run(String label, List<String> command) throws IOException, InterruptedException {
        Files.createDirectories(logDir);
        Path log = logDir.resolve(label + ".log");
        Path rss = logDir.resolve(label + ".rss");
        Files.deleteIfExists(rss);
        List<String> full = new ArrayList<>();
        if (gnuTime) {
            full.addAll(List.of(GNU_TIME.toString(), "-f", "%M", "-o", rss.toString()));
        }
        full.addAll(command);
        ProcessBuilder builder = new ProcessBuilder(full).redirectErrorStream(true).redirectOutput(log.toFile());
        // Flyway's telemetry would try the network, which this machine must not use.
        builder.environment().put("REDGATE_DISABLE_TELEMETRY", "true");
        Instant startedAt = Instant.now();
        long started = System.nanoTime();
        Process process = builder.start();
        PeakRssPoller poller = gnuTime ? null : PeakRssPoller.start(process.pid());
        boolean finished = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        long wall = System.nanoTime() - started;
        Instant endedAt = Instant.now();
        if (!finished) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly().waitFor();
        }
        long peak = gnuTime ? readGnuTime(rss) : poller.stop();
        return new ProcessResult(finished ? process.exitValue() : -1, wall, peak, benchLines(log), log, !finished,
                startedAt, endedAt);
    }

    private static List<String> benchLines(Path log) throws IOException {
        // ISO-8859-1 never fails to decode, whatever a tool printed.
        try (var lines = Files.lines(log, StandardCharsets.ISO_8859_1)) {
            return lines.filter(l -> l.startsWith("BENCH ")).toList();
        }
    }

    /** GNU time writes "Command exited with non-zero status N" before the figure when it failed. */
    private static long readGnuTime(Path file) throws IOException {
        if (!Files.exists(file)) {
            return -1;
        }
        List<String> lines = Files.readAllLines(file);
        for (int i = lines.size() - 1; i >= 0; i--) {
            String line = lines.get(i).strip();
            if (line.matches("[0-9]+")) {
                return Long.parseLong(line);
            }
        }
        return -1;
    }

    private static boolean isGnuTime() {
        if (!Files.isExecutable(GNU_TIME)) {
            return false;
        }
        try {
            Process version = new ProcessBuilder(GNU_TIME.toString(), "--version").redirectErrorStream(true).start();
            String text = new String(version.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            version.waitFor();
            return text.contains("GNU");
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
