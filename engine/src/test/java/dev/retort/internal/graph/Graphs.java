package dev.retort.internal.graph;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** Tiny fixtures: {@code rev("b", "a")} is revision b with parent a, read from {@code b.sql}. */
final class Graphs {

    private Graphs() {
    }

    static Revision rev(String id, String... parents) {
        return new Revision(id, List.of(parents), List.of(), Set.of(), id + ".sql");
    }

    /** A revision carrying a branch label. */
    static Revision labelled(String label, String id, String... parents) {
        return new Revision(id, List.of(parents), List.of(), Set.of(label), id + ".sql");
    }

    /** A revision with one parent (or none if null) that depends on other revisions. */
    static Revision dependent(String id, String parent, String... dependsOn) {
        List<String> parents = parent == null ? List.of() : List.of(parent);
        return new Revision(id, parents, List.of(dependsOn), Set.of(), id + ".sql");
    }

    static RevisionGraph graph(Revision... revisions) {
        return RevisionGraph.of(List.of(revisions));
    }

    static Set<String> rows(String... ids) {
        return Set.of(ids);
    }

    /** Each step as {@code "d -b -c +d"}: the revision, the rows it deletes, the rows it inserts. */
    static List<String> changes(Plan plan) {
        return plan.steps().stream().map(Graphs::change).toList();
    }

    private static String change(Step step) {
        String deleted = step.deletedRows().stream().map(row -> " -" + row).collect(Collectors.joining());
        String inserted = step.insertedRows().stream().map(row -> " +" + row).collect(Collectors.joining());
        return step.revision() + deleted + inserted;
    }

    /** The ids of {@code graph.revisions()}, in the graph's order. */
    static List<String> ids(RevisionGraph graph) {
        return graph.revisions().stream().map(Revision::id).toList();
    }
}
