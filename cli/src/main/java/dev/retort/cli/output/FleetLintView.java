package dev.retort.cli.output;

import java.util.List;

/**
 * {@code retort lint} over a fleet: each tenant's pending revisions, linted.
 *
 * @param tenants one entry per tenant, in the fleet's order
 */
public record FleetLintView(List<TenantLint> tenants) implements Report {

    /** Copies the list so the record stays immutable. */
    public FleetLintView {
        tenants = List.copyOf(tenants);
    }

    /**
     * One tenant's findings.
     *
     * @param tenant the tenant's name
     * @param lint   its pending revisions' findings
     */
    public record TenantLint(String tenant, LintView lint) {
    }

    /** @return whether any tenant's findings hold an error */
    public boolean hasErrors() {
        return tenants.stream().anyMatch(t -> t.lint().errors() > 0);
    }

    @Override
    public void printTo(Text text) {
        for (TenantLint tenant : tenants) {
            text.line(text.styles().revision(tenant.tenant()) + ":");
            tenant.lint().printTo(text);
        }
    }
}
