package dev.retort.internal.graph;

import dev.retort.error.RevisionGraphException;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A validated, immutable graph of revisions, with Alembic's vocabulary: a <em>base</em> has no
 * parent, a <em>head</em> has no child through {@code parents}, a <em>merge</em> has several
 * parents. Edges come in two kinds: {@code parents} form the branches of history, {@code dependsOn}
 * only orders application. Ancestry ({@link #ancestors}, {@link #descendants}) and the
 * topological order follow both kinds; heads and children follow {@code parents} only.
 *
 * <p>Everything cheap is computed once in {@link #of}; the per-id queries are then map lookups or
 * one linear walk.
 */
public final class RevisionGraph {

    private final Map<String, Revision> byId;
    private final List<Revision> ordered;
    private final Map<String, Integer> position;
    private final Map<String, List<String>> children;
    private final Map<String, List<String>> upstream;
    private final Map<String, List<String>> downstream;
    private final NavigableSet<String> ids;
    private final Map<String, String> labelOwners;
    private final List<String> heads;
    private final List<String> bases;

    private RevisionGraph(Map<String, Revision> byId) {
        this.byId = byId;
        this.ids = Collections.unmodifiableNavigableSet(new TreeSet<>(byId.keySet()));
        this.upstream = new HashMap<>();
        this.children = new HashMap<>();
        this.downstream = new HashMap<>();
        this.labelOwners = new TreeMap<>();
        link();
        this.ordered = TopologicalOrder.sort(byId, upstream, downstream);
        this.position = new HashMap<>();
        ordered.forEach(revision -> position.put(revision.id(), position.size()));
        this.heads = ids.stream().filter(id -> children.get(id).isEmpty()).toList();
        this.bases = ids.stream().filter(id -> byId.get(id).isBase()).toList();
    }

    /**
     * Validates the revisions and builds the graph.
     *
     * @param revisions every revision the migration files define
     * @return the graph
     * @throws RevisionGraphException listing every problem found: invalid or reserved ids, duplicate
     *                                ids, unknown parents or dependencies, cycles, and branch labels
     *                                that are invalid, used twice or equal to a revision id
     */
    public static RevisionGraph of(Collection<Revision> revisions) {
        List<RevisionGraphException.Problem> problems = GraphValidator.problems(revisions);
        if (!problems.isEmpty()) {
            throw new RevisionGraphException(problems);
        }
        return ofValidated(revisions);
    }

    /**
     * Builds the graph of revisions that {@link #of} accepted before, without checking them again:
     * a manifest of unchanged files, say, whose own checksum shows it is as it was written.
     *
     * @param revisions revisions that once formed a valid graph
     * @return the graph
     */
    public static RevisionGraph ofValidated(Collection<Revision> revisions) {
        Map<String, Revision> byId = new HashMap<>();
        revisions.forEach(revision -> byId.put(revision.id(), revision));
        return new RevisionGraph(byId);
    }

    /*
     * Most revisions have one parent and one child: the edges are gathered in small lists and
     * sorted only where there are several, which a new process building a graph of 10,000
     * revisions from a manifest notices.
     */
    private void link() {
        Map<String, List<String>> down = new HashMap<>();
        Map<String, List<String>> kids = new HashMap<>();
        for (Revision revision : byId.values()) {
            List<String> refs = references(revision);
            upstream.put(revision.id(), refs);
            refs.forEach(ref -> down.computeIfAbsent(ref, id -> new ArrayList<>(1)).add(revision.id()));
            revision.parents().forEach(parent -> kids.computeIfAbsent(parent, id -> new ArrayList<>(1))
                    .add(revision.id()));
            revision.branchLabels().forEach(label -> labelOwners.put(label, revision.id()));
        }
        for (String id : ids) {
            downstream.put(id, sorted(down.get(id)));
            children.put(id, sorted(kids.get(id)));
        }
    }

    /** A revision may list the same id as parent and dependency; one edge is enough. */
    private static List<String> references(Revision revision) {
        if (revision.dependsOn().isEmpty()) {
            return revision.parents();
        }
        Set<String> refs = new LinkedHashSet<>(revision.parents());
        refs.addAll(revision.dependsOn());
        return List.copyOf(refs);
    }

    private static List<String> sorted(List<String> ids) {
        if (ids == null) {
            return List.of();
        }
        return ids.size() == 1 ? List.of(ids.get(0)) : List.copyOf(new TreeSet<>(ids));
    }

    /**
     * @param id a full revision id
     * @return the revision
     * @throws IllegalArgumentException if the graph has no such revision
     */
    public Revision revision(String id) {
        Revision revision = byId.get(id);
        if (revision == null) {
            throw new IllegalArgumentException("No revision '" + id + "' in the graph");
        }
        return revision;
    }

    /** @return true if a revision has exactly this id */
    public boolean contains(String id) {
        return byId.containsKey(id);
    }

    /** @return how many revisions the graph holds */
    public int size() {
        return byId.size();
    }

    /**
     * @return every revision, each after its parents and dependencies; ties are broken by id, so
     * the order is the same however the files were listed
     */
    public List<Revision> revisions() {
        return ordered;
    }

    /** @return the revisions no other revision names as a parent, sorted by id */
    public List<String> heads() {
        return heads;
    }

    /** @return the revisions without parents, sorted by id */
    public List<String> bases() {
        return bases;
    }

    /** @return the revisions naming {@code id} as a parent (not as a dependency), sorted by id */
    public List<String> children(String id) {
        revision(id);
        return children.get(id);
    }

    /** @return every revision {@code id} needs, through parents and dependencies, in topological order */
    public Set<String> ancestors(String id) {
        return strictReach(id, upstream);
    }

    /** @return every revision that needs {@code id}, through parents and dependencies, in topological order */
    public Set<String> descendants(String id) {
        return strictReach(id, downstream);
    }

    private Set<String> strictReach(String id, Map<String, List<String>> edges) {
        revision(id);
        Set<String> reached = Traversal.reach(List.of(id), edges::get);
        reached.remove(id);
        return Collections.unmodifiableSet(new LinkedHashSet<>(inOrder(reached)));
    }

    /** @return the id of the revision carrying {@code label}, if any */
    public Optional<String> labelled(String label) {
        return Optional.ofNullable(labelOwners.get(label));
    }

    /** @return every branch label in the graph, sorted */
    public Set<String> branchLabels() {
        return Collections.unmodifiableSet(new TreeSet<>(labelOwners.keySet()));
    }

    /** The ids sharing a prefix, sorted: a sub-range of the sorted id set rather than a scan. */
    List<String> idsStartingWith(String prefix) {
        return List.copyOf(ids.subSet(prefix, true, prefix + Character.MAX_VALUE, false));
    }

    /** The ids reachable from {@code starts} (inclusive) through parents and dependencies. */
    Set<String> closure(Collection<String> starts) {
        return Traversal.reach(starts, upstream::get);
    }

    /** The ids that need any of {@code starts} (inclusive) through parents and dependencies. */
    Set<String> dependentClosure(Collection<String> starts) {
        return Traversal.reach(starts, downstream::get);
    }

    /** The ids descending from {@code start} (inclusive) through parents only: its line of history. */
    Set<String> lineage(String start) {
        return Traversal.reach(List.of(start), children::get);
    }

    /** Sorts ids into the graph's topological order. */
    List<String> inOrder(Collection<String> revisionIds) {
        List<String> sorted = new ArrayList<>(revisionIds);
        sorted.sort(Comparator.comparingInt(position::get));
        return sorted;
    }

    /** The revisions naming {@code id} as a parent or dependency: one level of {@link #descendants}. */
    List<String> neededBy(String id) {
        return downstream.get(id);
    }
}
