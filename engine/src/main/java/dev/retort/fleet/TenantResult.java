package dev.retort.fleet;

import dev.retort.error.RetortException;
import org.jspecify.annotations.Nullable;

import java.time.Duration;
import java.util.List;

/**
 * How one tenant's part of a fleet run ended.
 *
 * @param tenant   the tenant's name
 * @param outcome  whether it ran, failed, or was never started
 * @param applied  the revisions applied (or reverted, or stamped)
 * @param heads    where the tenant stands afterwards (for a failed one: as far as it got, if known)
 * @param duration how long its run took
 * @param error    why it failed, for {@link Outcome#FAILED}
 */
public record TenantResult(String tenant, Outcome outcome, int applied, List<String> heads, Duration duration,
        @Nullable RetortException error) {

    /** Copies the list so the record stays immutable. */
    public TenantResult {
        heads = List.copyOf(heads);
    }

    /** How a tenant's run ended. */
    public enum Outcome {
        /** It ran to the end. */
        SUCCEEDED,
        /** It failed; its revision in progress was rolled back (a non-transactional one may be dirty). */
        FAILED,
        /** It was not started: an earlier tenant (or a canary) failed, without keep-going. */
        SKIPPED
    }

    static TenantResult skipped(String tenant) {
        return new TenantResult(tenant, Outcome.SKIPPED, 0, List.of(), Duration.ZERO, null);
    }
}
