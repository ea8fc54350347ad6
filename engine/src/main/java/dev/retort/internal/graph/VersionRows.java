package dev.retort.internal.graph;

import dev.retort.error.ErrorCode;
import dev.retort.error.RetortException;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The applied set A and its version-table rows heads(A), updated one revision at a time so each
 * {@link Step} costs only the revision's degree, not the size of the history.
 *
 * <p>The first step is diffed against the rows the table really holds: if they were not exactly
 * heads(A) (a redundant ancestor row, a missing dependency row), that step also repairs them, so the
 * invariant rows == heads(A) holds after every step.
 */
final class VersionRows {

    private final RevisionGraph graph;
    private final Set<String> applied;
    private final Set<String> heads;
    private Set<String> unsettledRows;

    private VersionRows(RevisionGraph graph, Set<String> rows) {
        this.graph = graph;
        this.applied = graph.closure(rows);
        this.heads = headsOf(graph, applied);
        this.unsettledRows = heads.equals(rows) ? null : Set.copyOf(rows);
    }

    /**
     * @param rows the version table's rows
     * @throws RetortException {@link ErrorCode#VALIDATION_FAILED} if a row names no known revision
     */
    static VersionRows of(RevisionGraph graph, Collection<String> rows) {
        requireKnown(graph, rows);
        return new VersionRows(graph, new HashSet<>(rows));
    }

    /** The rows for an applied set: its members no other member names as a parent. */
    static Set<String> headsOf(RevisionGraph graph, Set<String> applied) {
        Set<String> heads = new HashSet<>();
        for (String id : applied) {
            if (graph.children(id).stream().noneMatch(applied::contains)) {
                heads.add(id);
            }
        }
        return heads;
    }

    static void requireKnown(RevisionGraph graph, Collection<String> rows) {
        Set<String> unknown = rows.stream().filter(row -> !graph.contains(row)).collect(Collectors.toCollection(TreeSet::new));
        if (unknown.isEmpty()) {
            return;
        }
        String quoted = unknown.stream().map(row -> "'" + row + "'").collect(Collectors.joining(", "));
        boolean one = unknown.size() == 1;
        throw new RetortException(ErrorCode.VALIDATION_FAILED, "The database is at revision" + (one ? " " : "s ")
                + quoted + ", which no migration file defines (files seen: " + graph.size() + "). Restore the missing file"
                + (one ? "" : "s") + ", or run 'retort stamp <revision> --purge' to declare the database's real revision.");
    }

    /** @return the applied set A: the rows and everything they need */
    Set<String> applied() {
        return Collections.unmodifiableSet(applied);
    }

    /** @return heads(A), the rows the table holds once the next step has run */
    Set<String> heads() {
        return Collections.unmodifiableSet(heads);
    }

    /** Applies {@code id}, whose parents and dependencies must all be applied already. */
    Step apply(String id) {
        Revision revision = graph.revision(id);
        if (applied.contains(id) || !applied.containsAll(revision.parents())
                || !applied.containsAll(revision.dependsOn())) {
            throw new IllegalStateException("Planner bug: cannot apply '" + id + "' now");
        }
        // A parent that was a head stops being one; dependencies stay heads of their own branch.
        List<String> deleted = revision.parents().stream().filter(heads::remove).toList();
        applied.add(id);
        heads.add(id);
        return step(id, Direction.UPGRADE, deleted, List.of(id));
    }

    /** Reverts {@code id}, which no applied revision may still need. */
    Step revert(String id) {
        if (!heads.contains(id) || graph.neededBy(id).stream().anyMatch(applied::contains)) {
            throw new IllegalStateException("Planner bug: cannot revert '" + id + "' now");
        }
        applied.remove(id);
        heads.remove(id);
        // A parent becomes a head again once its last applied child is gone.
        List<String> inserted = graph.revision(id).parents().stream()
                .filter(parent -> graph.children(parent).stream().noneMatch(applied::contains))
                .toList();
        heads.addAll(inserted);
        return step(id, Direction.DOWNGRADE, List.of(id), inserted);
    }

    private Step step(String id, Direction direction, List<String> deleted, List<String> inserted) {
        if (unsettledRows == null) {
            return new Step(id, direction, deleted, inserted);
        }
        Set<String> before = unsettledRows;
        unsettledRows = null;
        return new Step(id, direction, minus(before, heads), minus(heads, before));
    }

    private static List<String> minus(Set<String> from, Set<String> remove) {
        return from.stream().filter(row -> !remove.contains(row)).toList();
    }
}
