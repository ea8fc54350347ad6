package dev.retort.cli.output;

import dev.retort.fleet.TenantResult;
import dev.retort.fleet.TenantResult.Outcome;

import java.time.Duration;
import java.util.List;

/**
 * The end of a fleet run: how many tenants ran, failed or were never started, and how long it took.
 *
 * @param tenants    how many tenants the fleet had
 * @param succeeded  how many ran to the end
 * @param failed     the tenants that failed
 * @param skipped    how many were never started
 * @param durationMs how long the fleet took
 */
public record FleetReport(int tenants, long succeeded, List<String> failed, long skipped, long durationMs)
        implements Report {

    /** Copies the list so the record stays immutable. */
    public FleetReport {
        failed = List.copyOf(failed);
    }

    /**
     * @param results  every tenant's result
     * @param duration how long the fleet took
     * @return the summary
     */
    public static FleetReport of(List<TenantResult> results, Duration duration) {
        return new FleetReport(results.size(), results.stream().filter(r -> r.outcome() == Outcome.SUCCEEDED).count(),
                results.stream().filter(r -> r.outcome() == Outcome.FAILED).map(TenantResult::tenant).toList(),
                results.stream().filter(r -> r.outcome() == Outcome.SKIPPED).count(), duration.toMillis());
    }

    @Override
    public void printTo(Text text) {
        Styles styles = text.styles();
        String counts = succeeded + " ok, " + failed.size() + " failed, " + skipped + " not started";
        text.line("Fleet: " + Words.count(tenants, "tenant") + " in " + Words.duration(Duration.ofMillis(durationMs))
                + ": " + (failed.isEmpty() && skipped == 0 ? styles.success(counts) : styles.error(counts))
                + (failed.isEmpty() ? "." : ". Failed: " + String.join(", ", failed) + "."));
    }
}
