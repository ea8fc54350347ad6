package dev.retort;

import java.util.List;
import java.util.Set;

/**
 * What a run would do, computed without changing anything: the heads it starts from, the
 * revisions in order, and the heads it ends with. {@link Retort#script(MigrationPlan)} renders it
 * as SQL for offline use.
 *
 * @param operation    upgrade, downgrade or stamp
 * @param target       the target expression as given
 * @param currentHeads the version rows the plan starts from
 * @param steps        the revisions to apply, in order (empty for stamp)
 * @param headsAfter   the version rows after the run
 */
public record MigrationPlan(Operation operation, String target, Set<String> currentHeads, List<PlannedStep> steps,
        Set<String> headsAfter) {

    /** Copies the collections so the record stays immutable. */
    public MigrationPlan {
        currentHeads = Set.copyOf(currentHeads);
        steps = List.copyOf(steps);
        headsAfter = Set.copyOf(headsAfter);
    }

    /** @return whether the run would change nothing */
    public boolean isEmpty() {
        return steps.isEmpty() && currentHeads.equals(headsAfter);
    }
}
