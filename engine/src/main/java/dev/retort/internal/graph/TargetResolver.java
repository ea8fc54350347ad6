package dev.retort.internal.graph;

import dev.retort.error.TargetException;
import dev.retort.internal.graph.RelativeWalker.Position;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Resolves a parsed {@link ParsedTarget} against a graph and the database's current rows.
 *
 * <p>A name is looked up as Alembic does: an exact revision id, then a branch label, then a unique
 * id prefix. {@code x@head} is the single head on {@code x}'s line of history (descendants through
 * parents); {@code x@base} is the root of {@code x}'s branch: walking back from {@code x} while the
 * history is a straight line, stopping at a base, a merge or just after a branch point. With the
 * label on a branch's first revision, as {@code --branch-label} puts it, the root is that revision.
 */
final class TargetResolver {

    /**
     * What a target means for a downgrade or stamp: revisions to end at ({@code keep}, which stay
     * applied), or roots to remove together with everything that needs them ({@code cut}).
     */
    record Destination(Set<String> keep, Set<String> cut) {

        static Destination keep(Set<String> revisions) {
            return new Destination(Set.copyOf(revisions), Set.of());
        }

        static Destination cut(Set<String> roots) {
            return new Destination(Set.of(), Set.copyOf(roots));
        }
    }

    private final RevisionGraph graph;
    private final Set<String> currentRows;
    private final String verb;
    private final String text;

    /**
     * @param currentRows heads(A) for the database, the start of relative targets
     * @param verb        the command, for advice in messages ("upgrade", "downgrade", ...)
     * @param text        the target as written, quoted in errors
     */
    TargetResolver(RevisionGraph graph, Set<String> currentRows, String verb, String text) {
        this.graph = graph;
        this.currentRows = Set.copyOf(currentRows);
        this.verb = verb;
        this.text = text;
    }

    /** @return the revisions an upgrade must reach; empty for {@code base} or a step back past a base */
    Set<String> upgradeTargets(ParsedTarget target) {
        if (target instanceof ParsedTarget.BaseOf baseOf) {
            return Set.of(branchRoot(baseOf.name()));
        }
        return destination(target).keep();
    }

    /** @return what a downgrade or stamp ends at */
    Destination destination(ParsedTarget target) {
        // Java 17 has no pattern switch outside preview, hence the instanceof chain.
        if (target instanceof ParsedTarget.Heads) {
            return Destination.keep(Set.copyOf(graph.heads()));
        } else if (target instanceof ParsedTarget.Base) {
            return Destination.cut(Set.copyOf(graph.bases()));
        } else if (target instanceof ParsedTarget.Current) {
            return Destination.keep(currentRows);
        } else if (target instanceof ParsedTarget.BaseOf baseOf) {
            return Destination.cut(Set.of(branchRoot(baseOf.name())));
        } else if (target instanceof ParsedTarget.Head head) {
            return walk(singleHead(graph.heads(), null), head.offset());
        } else if (target instanceof ParsedTarget.Named named) {
            return walk(revisionNamed(named.name()), named.offset());
        } else if (target instanceof ParsedTarget.HeadOf headOf) {
            return walk(headOf(headOf.name()), headOf.offset());
        } else if (target instanceof ParsedTarget.BranchStep step) {
            return branchStep(step);
        } else {
            return relative(((ParsedTarget.Relative) target).offset());
        }
    }

    private Destination walk(String from, int offset) {
        return toDestination(new RelativeWalker(graph, text).walk(Position.at(from), offset));
    }

    private static Destination toDestination(Position position) {
        if (!position.isBase()) {
            return Destination.keep(Set.of(position.revision()));
        }
        return position.root() == null ? Destination.keep(Set.of()) : Destination.cut(Set.of(position.root()));
    }

    private Destination relative(int offset) {
        if (currentRows.size() > 1) {
            List<String> rows = currentRows.stream().sorted().toList();
            String each = offset < 0 ? " (once per branch to step each back)" : ", or 'heads' to upgrade every branch";
            throw new TargetException(text, "Relative revision " + text + " needs a single current revision, but the"
                    + " database is at " + String.join(", ", rows) + ". Use '<rev>@" + text + "' with one of them to"
                    + " move that branch only, e.g. '" + rows.get(0) + "@" + text + "'" + each + ".",
                    rows.stream().map(row -> row + "@" + text).toList());
        }
        if (currentRows.isEmpty() && offset < 0) {
            throw new TargetException(text, "Relative revision " + text + " has nothing to step back from: the"
                    + " database is at base.", List.of());
        }
        Position start = currentRows.isEmpty() ? Position.before(null) : Position.at(currentRows.iterator().next());
        return toDestination(new RelativeWalker(graph, text).walk(start, offset));
    }

    /**
     * {@code x@-N}: from the database's current revision on x's line (x's ancestors and
     * descendants), N steps back, removing only those revisions (and what depends on them);
     * {@code x@+N}: N steps forward from it.
     */
    private Destination branchStep(ParsedTarget.BranchStep step) {
        String named = revisionNamed(step.name());
        Set<String> line = new HashSet<>(graph.lineage(named));
        line.addAll(graph.closure(List.of(named)));
        List<String> on = currentRows.stream().filter(line::contains).sorted().toList();
        if (on.size() != 1) {
            throw new TargetException(text, "'" + text + "' steps from the database's current revision on the line of '"
                    + step.name() + "', but " + (on.isEmpty() ? "the database has none there"
                    : "it has " + String.join(", ", on) + " there; name one of them") + ".", on);
        }
        if (step.offset() > 0) {
            return walk(on.get(0), step.offset());
        }
        Position newest = step.offset() == -1 ? Position.at(on.get(0))
                : new RelativeWalker(graph, text).walk(Position.at(on.get(0)), step.offset() + 1);
        return newest.isBase() ? Destination.keep(Set.of()) : Destination.cut(Set.of(newest.revision()));
    }

    /** Alembic's lookup order: exact id, branch label, unique id prefix. */
    String revisionNamed(String name) {
        if (graph.contains(name)) {
            return name;
        }
        Optional<String> labelled = graph.labelled(name);
        if (labelled.isPresent()) {
            return labelled.get();
        }
        List<String> matches = graph.idsStartingWith(name);
        if (matches.size() == 1) {
            return matches.get(0);
        }
        if (matches.isEmpty()) {
            throw new TargetException(text, "Can't locate revision identified by '" + name + "'.", List.of());
        }
        throw new TargetException(text, "Revision prefix '" + name + "' is ambiguous; it matches "
                + String.join(", ", matches) + ". Use more characters of the id.", matches);
    }

    private String headOf(String name) {
        String from = revisionNamed(name);
        List<String> heads = graph.heads().stream().filter(graph.lineage(from)::contains).toList();
        return singleHead(heads, name);
    }

    /** @param name the revision or label the heads descend from, or null for the whole graph */
    private String singleHead(List<String> heads, String name) {
        if (heads.size() == 1) {
            return heads.get(0);
        }
        if (heads.isEmpty()) {
            throw new TargetException(text, "There are no revisions, so '" + text + "' names nothing.", List.of());
        }
        if (name == null) {
            throw new TargetException(text, "Multiple heads are present for given argument 'head'; "
                    + String.join(", ", heads) + ". Use 'heads' to " + verb + " all of them, or name one (e.g. '"
                    + heads.get(0) + "'" + (!graph.branchLabels().isEmpty() ? " or '<branch>@head'" : "") + ").", heads);
        }
        throw new TargetException(text, "'" + name + "' has several heads: " + String.join(", ", heads)
                + ". Name one of them, or a branch label that leads to one.", heads);
    }

    /** Walks back along a straight line of history; see the class comment. */
    String branchRoot(String name) {
        String root = revisionNamed(name);
        List<String> parents = graph.revision(root).parents();
        while (parents.size() == 1 && graph.children(parents.get(0)).size() == 1) {
            root = parents.get(0);
            parents = graph.revision(root).parents();
        }
        return root;
    }
}
