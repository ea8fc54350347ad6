package dev.retort.cli.output;

import dev.retort.fleet.TenantResult;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A fleet's live status line on standard error, for a person at a terminal:
 * {@code [57/200] 1 failed, 4 running; slowest: tenant_0042 12 s, tenant_0007 3 s}, redrawn as
 * tenants start and end. The per-tenant lines on standard output stay the record.
 */
final class FleetProgress {

    private static final String CLEAR_LINE = "\r\u001b[K";
    private static final int SLOWEST_SHOWN = 3;

    private final PrintStream err;
    private final boolean enabled;
    private final int total;
    private final Map<String, Long> running = new LinkedHashMap<>();
    private int ended;
    private int failed;
    private boolean shown;

    FleetProgress(PrintStream err, boolean enabled, int total) {
        this.err = err;
        this.enabled = enabled;
        this.total = total;
    }

    /** @param tenant a tenant whose run just started, on the thread that started it */
    synchronized void started(String tenant) {
        running.put(tenant, System.nanoTime());
        draw();
    }

    /** Removes the line before a tenant's result is printed, and notes the result. */
    synchronized void ended(TenantResult result) {
        running.remove(result.tenant());
        ended++;
        if (result.outcome() == TenantResult.Outcome.FAILED) {
            failed++;
        }
        clear();
    }

    /** Draws the line again after a result was printed. */
    synchronized void redraw() {
        draw();
    }

    /** Removes the line for good. */
    synchronized void clear() {
        if (shown) {
            err.print(CLEAR_LINE);
            err.flush();
            shown = false;
        }
    }

    private void draw() {
        if (!enabled || ended == total) {
            return;
        }
        long now = System.nanoTime();
        String slowest = running.entrySet().stream().sorted(Map.Entry.comparingByValue(Comparator.naturalOrder()))
                .limit(SLOWEST_SHOWN)
                .map(e -> e.getKey() + " " + Words.duration(Duration.ofNanos(now - e.getValue())))
                .collect(Collectors.joining(", "));
        err.print(CLEAR_LINE + "[" + ended + "/" + total + "] " + failed + " failed, " + running.size() + " running"
                + (slowest.isEmpty() ? "" : "; slowest: " + slowest));
        err.flush();
        shown = true;
    }
}
