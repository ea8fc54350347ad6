package dev.retort.cli.output;

import dev.retort.Status;

import java.util.List;

/**
 * {@code retort current} over a fleet: each tenant's revisions and what an upgrade would apply.
 *
 * @param tenants one row per tenant, in the fleet's order
 */
public record FleetCurrentReport(List<FleetCurrent> tenants) implements Report {

    /** Copies the list so the record stays immutable. */
    public FleetCurrentReport {
        tenants = List.copyOf(tenants);
    }

    /**
     * One tenant.
     *
     * @param tenant  its name
     * @param current its version table's revisions (empty at base)
     * @param pending what {@code upgrade heads} would apply
     * @param dirty   whether a non-transactional revision failed midway there
     */
    public record FleetCurrent(String tenant, List<String> current, List<String> pending, boolean dirty) {

        /**
         * @param tenant the tenant's name
         * @param status its status
         * @return the row
         */
        public static FleetCurrent of(String tenant, Status status) {
            return new FleetCurrent(tenant, status.current(), status.pending(), status.isDirty());
        }
    }

    @Override
    public void printTo(Text text) {
        Styles styles = text.styles();
        for (FleetCurrent row : tenants) {
            String at = row.current().isEmpty() ? "base" : String.join(", ", row.current());
            text.line(row.tenant() + "  " + styles.revision(at) + (row.pending().isEmpty() ? "" : "  "
                    + styles.warning(row.pending().size() + " pending")) + (row.dirty() ? "  " + styles.error("dirty") : ""));
        }
        long behind = tenants.stream().filter(row -> !row.pending().isEmpty()).count();
        text.line(tenants.size() + " tenants, " + behind + " with pending revisions.");
    }
}
