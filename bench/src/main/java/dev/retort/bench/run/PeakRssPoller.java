package dev.retort.bench.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Polls a process's VmHWM (peak resident set size) from {@code /proc}, for machines without GNU
 * time. The value only grows, so the last successful read before the process exits is close to
 * the true peak.
 */
final class PeakRssPoller {

    private static final long INTERVAL_MS = 5;

    private final Path status;
    private final Thread thread;
    private volatile long peakKb = -1;
    private volatile boolean stopped;

    private PeakRssPoller(long pid) {
        this.status = Path.of("/proc", Long.toString(pid), "status");
        this.thread = new Thread(this::poll, "peak-rss-" + pid);
        thread.setDaemon(true);
    }

    static PeakRssPoller start(long pid) {
        PeakRssPoller poller = new PeakRssPoller(pid);
        poller.thread.start();
        return poller;
    }

    long stop() throws InterruptedException {
        stopped = true;
        thread.join();
        return peakKb;
    }

    private void poll() {
        while (!stopped) {
            try {
                for (String line : Files.readAllLines(status)) {
                    if (line.startsWith("VmHWM:")) {
                        peakKb = Math.max(peakKb, Long.parseLong(line.replaceAll("[^0-9]", "")));
                    }
                }
                Thread.sleep(INTERVAL_MS);
            } catch (IOException e) {
                return; // the process has ended
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
