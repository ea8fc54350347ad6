package dev.retort.bench.run;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedThread;
import jdk.jfr.consumer.RecordingFile;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Summarises the {@code jdk.ExecutionSample} events of a flight recording, the same data
 * {@code jfr print --events jdk.ExecutionSample} prints: the hottest top frames (where the CPU
 * was), the top frames grouped by library, and for each sample the innermost Retort engine frame
 * on its stack (which engine code the CPU was working for, even when it was inside Reactor, Netty
 * or the driver). Execution samples cover threads running Java code only: time spent waiting for
 * the server does not appear here; the run's events give that split.
 */
public final class ProfileSummary {

    /** The sampling period the profiler asks for, in milliseconds. */
    static final int PERIOD_MS = 1;

    private static final String SAMPLE = "jdk.ExecutionSample";
    private static final int TOP = 15;

    private ProfileSummary() {
    }

    /**
     * @param recording a {@code .jfr} file
     * @return the summary, as report lines
     * @throws IOException when the file cannot be read
     */
    public static List<String> summarise(Path recording) throws IOException {
        Map<String, Integer> topFrames = new HashMap<>();
        Map<String, Integer> libraries = new HashMap<>();
        Map<String, Integer> engineFrames = new HashMap<>();
        Map<String, Integer> threads = new HashMap<>();
        int samples = 0;
        try (RecordingFile file = new RecordingFile(recording)) {
            while (file.hasMoreEvents()) {
                RecordedEvent event = file.readEvent();
                if (!event.getEventType().getName().equals(SAMPLE) || event.getStackTrace() == null) {
                    continue;
                }
                List<RecordedFrame> frames = event.getStackTrace().getFrames();
                if (frames.isEmpty()) {
                    continue;
                }
                samples++;
                String top = method(frames.get(0));
                topFrames.merge(top, 1, Integer::sum);
                libraries.merge(library(top), 1, Integer::sum);
                engineFrames.merge(innermostEngineFrame(frames), 1, Integer::sum);
                RecordedThread thread = event.getThread("sampledThread");
                threads.merge(thread == null ? "?" : threadGroup(thread.getJavaName()), 1, Integer::sum);
            }
        }
        List<String> lines = new ArrayList<>();
        lines.add(samples + " execution samples (" + PERIOD_MS + " ms period, threads running Java code only) by thread: "
                + inline(threads, samples));
        lines.add("");
        section(lines, "Top frames (self time)", topFrames, samples);
        section(lines, "Top frame by library", libraries, samples);
        section(lines, "Innermost Retort engine frame on the stack (the engine code the CPU worked for)",
                engineFrames, samples);
        return lines;
    }

    private static String method(RecordedFrame frame) {
        if (frame.getMethod() == null) {
            return "?";
        }
        return frame.getMethod().getType().getName() + "." + frame.getMethod().getName();
    }

    private static String innermostEngineFrame(List<RecordedFrame> frames) {
        for (RecordedFrame frame : frames) {
            String method = method(frame);
            if (method.startsWith("dev.retort.") && !method.startsWith("dev.retort.bench.")) {
                return method;
            }
        }
        return "(no engine frame: JVM start-up, driver, Reactor or Netty on their own)";
    }

    /** Groups a top frame by where its code comes from. */
    private static String library(String method) {
        String[][] prefixes = {
                {"dev.retort.bench.", "benchmark harness"},
                {"dev.retort.", "Retort engine"},
                {"io.r2dbc.postgresql.", "r2dbc-postgresql driver"},
                {"io.r2dbc.", "R2DBC SPI"},
                {"reactor.netty.", "Reactor Netty"},
                {"reactor.", "Reactor core"},
                {"io.netty.", "Netty"},
                {"java.util.regex.", "JDK regex"},
                {"java.", "JDK"},
                {"jdk.", "JDK"},
                {"sun.", "JDK"},
        };
        for (String[] prefix : prefixes) {
            if (method.startsWith(prefix[0])) {
                return prefix[1];
            }
        }
        return "other";
    }

    /** Numbers in thread names ({@code reactor-tcp-epoll-2}) would split one pool into many rows. */
    private static String threadGroup(String name) {
        return name == null ? "?" : name.replaceAll("-?[0-9]+$", "-N");
    }

    private static void section(List<String> lines, String title, Map<String, Integer> counts, int total) {
        lines.add(title + ":");
        counts.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                .limit(TOP)
                .forEach(e -> lines.add(String.format("  %5.1f%%  %5d  %s", 100.0 * e.getValue() / total,
                        e.getValue(), e.getKey())));
        lines.add("");
    }

    private static String inline(Map<String, Integer> counts, int total) {
        StringBuilder text = new StringBuilder();
        counts.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                .forEach(e -> text.append(text.length() == 0 ? "" : ", ").append(e.getKey()).append(' ')
                        .append(String.format("%.0f%%", 100.0 * e.getValue() / total)));
        return text.toString();
    }
}
