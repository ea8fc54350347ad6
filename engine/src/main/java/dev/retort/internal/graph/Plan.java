package dev.retort.internal.graph;

import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * What an upgrade or downgrade will do: the steps in execution order and the version-table rows
 * before and after. Built by {@link Planner}; executing it is someone else's job.
 *
 * @param direction  whether the steps apply or revert revisions
 * @param target     the target expression as the user wrote it
 * @param rowsBefore the version-table rows the plan starts from, sorted
 * @param steps      the steps, in the order they must run
 * @param rowsAfter  the version-table rows once every step has run, sorted
 */
public record Plan(Direction direction, String target, Set<String> rowsBefore, List<Step> steps, Set<String> rowsAfter) {

    /** Copies the collections; row sets are sorted so messages list them in a stable order. */
    public Plan {
        Objects.requireNonNull(direction, "direction");
        Objects.requireNonNull(target, "target");
        rowsBefore = sorted(rowsBefore);
        steps = List.copyOf(steps);
        rowsAfter = sorted(rowsAfter);
    }

    private static Set<String> sorted(Collection<String> rows) {
        return Collections.unmodifiableSortedSet(new TreeSet<>(rows));
    }

    /** @return true if there is nothing to do: the database is already where the target points */
    public boolean isEmpty() {
        return steps.isEmpty();
    }

    /** @return the revisions the plan applies or reverts, in execution order */
    public List<String> revisions() {
        return steps.stream().map(Step::revision).toList();
    }
}
