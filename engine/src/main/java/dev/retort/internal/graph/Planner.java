package dev.retort.internal.graph;

import dev.retort.error.ErrorCode;
import dev.retort.error.RetortException;
import dev.retort.error.TargetException;
import dev.retort.internal.graph.TargetResolver.Destination;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Turns a target into a plan, given the graph and the version table's rows. Pure: no I/O.
 *
 * <h2>Database state</h2>
 * The version table holds a set of rows V, like Alembic's {@code alembic_version}. The
 * <em>applied set</em> A is V together with everything the rows need through {@code parents}
 * and {@code dependsOn}. Conversely the rows for an applied set are
 * heads(A) = { r in A : no revision in A has r as a parent }. Only {@code parents} decide rows:
 * after applying X, which depends on D on another branch, both D (still the head of its branch)
 * and X are rows, as in Alembic.
 *
 * <p>Every plan keeps V == heads(A) after each step: a step's rows are the difference between
 * heads(A) before and after it (A plus the revision on upgrade, A minus it on downgrade). If the
 * table's rows were not exactly heads(A) to begin with, the first step also repairs them.
 *
 * <ul>
 * <li>upgrade to T: A' = A ∪ closure(T); steps are A' \ A, parents and dependencies first.</li>
 * <li>downgrade to X: X stays applied; its children (through {@code parents}) and everything that
 *     needs them are removed, as Alembic does. A revision that only depends on X is not after X
 *     and stays. {@code base} empties A; {@code <branch>@base} removes the branch's root and
 *     everything that needs it. Steps are A \ A', children and dependents first, so reverting a
 *     revision another applied revision depends on reverts the dependent first.</li>
 * </ul>
 *
 * <p>Rows naming a revision the graph lacks fail with {@link ErrorCode#VALIDATION_FAILED}; a
 * target that cannot be resolved fails with a {@link TargetException} naming the candidates.
 */
public final class Planner {

    private Planner() {
    }

    /**
     * @param graph       the revision graph
     * @param currentRows the version table's rows
     * @param target      the target as the user wrote it; see {@link TargetParser}
     * @return the steps that apply everything the target needs and the database lacks; empty if
     * the target is already applied or is {@code base}
     * @throws TargetException if the target is invalid, unresolvable or steps backward ({@code -N})
     * @throws RetortException {@link ErrorCode#VALIDATION_FAILED} if a row names an unknown revision
     */
    public static Plan upgrade(RevisionGraph graph, Set<String> currentRows, String target) {
        ParsedTarget parsed = TargetParser.parse(target);
        if (alreadyThere(graph, currentRows, parsed)) {
            // What nearly every run finds, known without walking the whole history.
            return new Plan(Direction.UPGRADE, target, currentRows, List.of(), currentRows);
        }
        VersionRows rows = VersionRows.of(graph, currentRows);
        if (step(parsed) < 0) {
            throw new TargetException(target, "Upgrade target '" + target + "' steps backward; use 'retort"
                    + " downgrade " + target + "', or '+N' to step forward.", List.of());
        }
        Set<String> targets = resolver(graph, rows, "upgrade", target).upgradeTargets(parsed);
        Set<String> missing = new HashSet<>(graph.closure(targets));
        missing.removeAll(rows.applied());
        List<Step> steps = new ArrayList<>();
        for (String id : graph.inOrder(missing)) {
            steps.add(rows.apply(id));
        }
        return plan(Direction.UPGRADE, target, currentRows, steps, rows);
    }

    /** @return the step of a target relative to the current revision ({@code -1}, {@code b1@+2}), else 0 */
    private static int step(ParsedTarget parsed) {
        if (parsed instanceof ParsedTarget.Relative relative) {
            return relative.offset();
        }
        return parsed instanceof ParsedTarget.BranchStep branchStep ? branchStep.offset() : 0;
    }

    /**
     * @param graph       the revision graph
     * @param currentRows the version table's rows
     * @param target      the target as the user wrote it; see {@link TargetParser}
     * @return the steps that revert everything applied beyond the target; empty if nothing is
     * @throws TargetException if the target is invalid, unresolvable, steps forward ({@code +N}),
     *                         or names a revision that is not applied
     * @throws RetortException {@link ErrorCode#VALIDATION_FAILED} if a row names an unknown revision
     */
    public static Plan downgrade(RevisionGraph graph, Set<String> currentRows, String target) {
        ParsedTarget parsed = TargetParser.parse(target);
        VersionRows rows = VersionRows.of(graph, currentRows);
        if (step(parsed) > 0) {
            throw new TargetException(target, "Downgrade target '" + target + "' steps forward; use 'retort"
                    + " upgrade " + target + "', or '-N' to step back.", List.of());
        }
        Destination destination = resolver(graph, rows, "downgrade", target).destination(parsed);
        requireApplied(destination.keep(), rows, target);
        Set<String> removed = removedBy(graph, destination);
        removed.retainAll(rows.applied());
        List<String> order = graph.inOrder(removed);
        Collections.reverse(order);
        List<Step> steps = new ArrayList<>();
        for (String id : order) {
            steps.add(rows.revert(id));
        }
        return plan(Direction.DOWNGRADE, target, currentRows, steps, rows);
    }

    /**
     * Reverts exactly one revision that is a head of the applied set, leaving every other branch
     * as it is: what {@code roundtrip} needs after applying that revision.
     *
     * @param graph       the revision graph
     * @param currentRows the version table's rows
     * @param revision    an applied revision that no other applied revision builds on
     * @return a one-step downgrade plan
     * @throws TargetException if the revision is not one of the current rows
     */
    public static Plan revertHead(RevisionGraph graph, Set<String> currentRows, String revision) {
        if (!currentRows.contains(revision)) {
            throw new TargetException(revision, "Revision '" + revision + "' is not a current head, so it cannot be"
                    + " reverted alone.", List.copyOf(currentRows));
        }
        VersionRows rows = VersionRows.of(graph, currentRows);
        return plan(Direction.DOWNGRADE, revision, currentRows, List.of(rows.revert(revision)), rows);
    }

    /**
     * The rows after {@code stamp TARGET}, which records a revision without running anything.
     * {@code heads} gives every head, {@code base} nothing; a revision replaces the rows on its
     * own line (its ancestors, and the revisions a downgrade to it would remove) and keeps the
     * other rows, including those of branches that merely depend on it;
     * {@code <branch>@base} drops the branch as a downgrade would. For {@code --purge}, pass
     * empty {@code currentRows}.
     *
     * @return the rows, sorted; always heads of their applied set
     * @throws TargetException if the target is invalid or unresolvable
     * @throws RetortException {@link ErrorCode#VALIDATION_FAILED} if a row names an unknown revision
     */
    public static Set<String> stampRows(RevisionGraph graph, Set<String> currentRows, String target) {
        ParsedTarget parsed = TargetParser.parse(target);
        VersionRows rows = VersionRows.of(graph, currentRows);
        Destination destination = resolver(graph, rows, "stamp", target).destination(parsed);
        Set<String> related = graph.closure(destination.keep());
        related.addAll(beyond(graph, destination.keep()));
        Set<String> reached = new HashSet<>(destination.keep());
        rows.heads().stream().filter(row -> !related.contains(row)).forEach(reached::add);
        Set<String> applied = graph.closure(reached);
        applied.removeAll(graph.dependentClosure(destination.cut()));
        return Collections.unmodifiableSortedSet(new TreeSet<>(VersionRows.headsOf(graph, applied)));
    }

    /**
     * The revisions of a history range {@code start:end}, newest first: those that are
     * {@code end} or its ancestors and {@code start} or its descendants. An open side, {@code base}
     * as start or a database at base as {@code current} start imposes no lower bound.
     *
     * @param range such as {@code base:head}, {@code -3:}, {@code a1:b2}, {@code current}
     * @return revision ids in reverse topological order
     * @throws TargetException if either side is invalid or unresolvable
     * @throws RetortException {@link ErrorCode#VALIDATION_FAILED} if a row names an unknown revision
     */
    public static List<String> range(RevisionGraph graph, Set<String> currentRows, String range) {
        TargetRange parsed = TargetParser.parseRange(range);
        VersionRows rows = VersionRows.of(graph, currentRows);
        Set<String> shown = parsed.end()
                .map(end -> graph.closure(rangePoints(graph, rows, end)))
                .orElseGet(() -> graph.closure(graph.heads()));
        parsed.start()
                .map(start -> rangePoints(graph, rows, start))
                .filter(points -> !points.isEmpty())
                .ifPresent(points -> shown.retainAll(graph.dependentClosure(points)));
        List<String> newestFirst = graph.inOrder(shown);
        Collections.reverse(newestFirst);
        return List.copyOf(newestFirst);
    }

    private static Set<String> rangePoints(RevisionGraph graph, VersionRows rows, ParsedTarget side) {
        return new TargetResolver(graph, rows.heads(), "show", side.expression()).upgradeTargets(side);
    }

    /**
     * Whether the rows are exactly the graph's heads and the target asks for nothing beyond them:
     * {@code heads}, or {@code head} of a graph that has one. Then every revision is applied and
     * the rows need no repair, so the plan is empty.
     */
    private static boolean alreadyThere(RevisionGraph graph, Set<String> currentRows, ParsedTarget target) {
        List<String> heads = graph.heads();
        boolean headsOnly = target instanceof ParsedTarget.Heads
                || target instanceof ParsedTarget.Head head && head.offset() == 0 && heads.size() == 1;
        return headsOnly && currentRows.size() == heads.size() && currentRows.containsAll(heads);
    }

    private static TargetResolver resolver(RevisionGraph graph, VersionRows rows, String verb, String target) {
        return new TargetResolver(graph, rows.heads(), verb, target);
    }

    private static void requireApplied(Set<String> revisions, VersionRows rows, String target) {
        List<String> missing = revisions.stream().filter(id -> !rows.applied().contains(id)).sorted().toList();
        if (missing.isEmpty()) {
            return;
        }
        List<String> current = rows.heads().stream().sorted().toList();
        String named = missing.size() == 1 ? "Revision '" + missing.get(0) + "'" : "Revisions " + String.join(", ", missing);
        String via = missing.equals(List.of(target)) ? "" : " (target '" + target + "')";
        throw new TargetException(target, named + via + (missing.size() == 1 ? " is" : " are") + " not applied;"
                + " current rows are " + (current.isEmpty() ? "none (base)" : String.join(", ", current))
                + "; nothing to downgrade.", current);
    }

    /** What a downgrade to the destination removes: everything beyond the kept revisions, and the cut. */
    private static Set<String> removedBy(RevisionGraph graph, Destination destination) {
        Set<String> removed = beyond(graph, destination.keep());
        removed.addAll(graph.dependentClosure(destination.cut()));
        return removed;
    }

    /**
     * The revisions after {@code kept}: their children through {@code parents} and everything that
     * needs those, as Alembic drops a target's {@code nextrev} and their dependents. A revision that
     * merely depends on a kept one is not after it, and a kept revision is never after another.
     */
    private static Set<String> beyond(RevisionGraph graph, Set<String> kept) {
        Set<String> children = new HashSet<>();
        kept.forEach(id -> children.addAll(graph.children(id)));
        Set<String> after = graph.dependentClosure(children);
        after.removeAll(graph.closure(kept));
        return after;
    }

    private static Plan plan(Direction direction, String target, Set<String> before, List<Step> steps, VersionRows rows) {
        return new Plan(direction, target, before, steps, steps.isEmpty() ? before : rows.heads());
    }
}
