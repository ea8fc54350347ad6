package dev.retort.cli.output;

import org.jspecify.annotations.Nullable;

import java.util.List;

/**
 * {@code check} or {@code validate} over a fleet: each tenant's comparison with the files.
 *
 * @param tenants one entry per tenant, in the fleet's order
 */
public record FleetCheckView(List<TenantCheck> tenants) implements Report {

    /** Copies the list so the record stays immutable. */
    public FleetCheckView {
        tenants = List.copyOf(tenants);
    }

    /**
     * One tenant's comparison.
     *
     * @param tenant   the tenant's name
     * @param check    what the comparison found, or {@code null} when it could not be made
     * @param error    why it could not be made (the tenant cannot be reached, say), else {@code null}
     * @param exitCode what the command would exit with for this tenant alone
     */
    public record TenantCheck(String tenant, @Nullable ValidationView check, @Nullable String error, int exitCode) {
    }

    @Override
    public void printTo(Text text) {
        for (TenantCheck tenant : tenants) {
            text.line(text.styles().revision(tenant.tenant()) + ":");
            if (tenant.check() != null) {
                tenant.check().printTo(text);
            } else {
                text.line(text.styles().error("error: ") + tenant.error());
            }
        }
        long failing = tenants.stream().filter(t -> t.exitCode() != 0).count();
        text.line(tenants.size() + " tenants, " + failing + " failing.");
    }
}
