package dev.retort;

import dev.retort.internal.graph.ParsedTarget;
import dev.retort.internal.graph.Planner;
import dev.retort.internal.graph.Revision;
import dev.retort.internal.graph.RevisionGraph;
import dev.retort.internal.graph.TargetParser;
import dev.retort.internal.graph.TargetRange;
import dev.retort.internal.source.Catalog;
import dev.retort.internal.source.ScriptSummary;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The validated revision graph of a migration source, read from the files alone (no database):
 * what {@code heads}, {@code branches}, {@code show} and {@code history} display, and what
 * {@code revision} and {@code merge} build on. Immutable.
 */
public final class Revisions {

    private final RevisionGraph graph;
    private final List<RevisionInfo> ordered;
    private final Map<String, RevisionInfo> byId;

    Revisions(Catalog catalog) {
        this.graph = catalog.graph();
        this.ordered = graph.revisions().stream().map(revision -> info(revision, catalog.summary(revision.id())))
                .toList();
        this.byId = ordered.stream().collect(Collectors.toUnmodifiableMap(RevisionInfo::id, Function.identity()));
    }

    private RevisionInfo info(Revision revision, ScriptSummary summary) {
        return new RevisionInfo(revision.id(), revision.parents(), revision.dependsOn(), revision.branchLabels(),
                graph.children(revision.id()), summary.message(), summary.location(), summary.transactional(),
                summary.checksum());
    }

    /** @return every revision, parents before children */
    public List<RevisionInfo> all() {
        return ordered;
    }

    /** @return the ids of the revisions nothing revises, sorted */
    public List<String> heads() {
        return graph.heads();
    }

    /** @return the ids of the revisions that revise nothing, sorted */
    public List<String> bases() {
        return graph.bases();
    }

    /** @return the revisions two or more others revise, parents before children */
    public List<RevisionInfo> branchPoints() {
        return ordered.stream().filter(RevisionInfo::isBranchPoint).toList();
    }

    /**
     * @param id a full revision id
     * @return the revision, if a file defines it
     */
    public Optional<RevisionInfo> get(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    /**
     * Resolves a history range in Alembic's grammar ({@code start:end}, either side optional;
     * a single expression such as {@code head}, a prefix or {@code branch@head} names one point).
     *
     * @param range        the range
     * @param currentHeads the database's version rows, for {@code current} and relative steps
     * @return the revisions in the range, newest first
     * @throws dev.retort.error.TargetException when the range cannot be resolved
     */
    public List<RevisionInfo> range(String range, Set<String> currentHeads) {
        return Planner.range(graph, currentHeads, range).stream().map(byId::get).toList();
    }

    /**
     * @param range a history range, as for {@link #range}
     * @return whether resolving it needs the database's version rows: a side is {@code current} or
     *     a step relative to it ({@code +N}, {@code -N}, {@code <branch>@-N})
     * @throws dev.retort.error.TargetException when the range is malformed
     */
    public static boolean isRelativeToCurrent(String range) {
        TargetRange parsed = TargetParser.parseRange(range);
        return Stream.of(parsed.start(), parsed.end()).flatMap(Optional::stream)
                .anyMatch(side -> side instanceof ParsedTarget.Current || side instanceof ParsedTarget.Relative
                        || side instanceof ParsedTarget.BranchStep);
    }
}
