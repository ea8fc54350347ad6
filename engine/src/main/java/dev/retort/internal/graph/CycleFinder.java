package dev.retort.internal.graph;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Finds cycles through {@code parents} and {@code dependsOn} with an iterative depth-first search,
 * so a 10,000-revision chain cannot overflow the stack. Each cycle is reported once, in upgrade
 * order (a parent before the revision that names it) and rotated to start at its smallest id, so
 * the message does not depend on the order the files were read.
 */
final class CycleFinder {

    private enum Mark { ON_PATH, DONE }

    private final Map<String, Revision> byId;
    private final Map<String, Mark> marks = new HashMap<>();
    private final Set<List<String>> cycles = new LinkedHashSet<>();

    private CycleFinder(Map<String, Revision> byId) {
        this.byId = byId;
    }

    /**
     * @param byId the revisions by id; references to ids not in the map are ignored (reported elsewhere)
     * @return each cycle as its ids in upgrade order, without repeating the first id at the end
     */
    static List<List<String>> cycles(Map<String, Revision> byId) {
        CycleFinder finder = new CycleFinder(byId);
        for (String id : new TreeSet<>(byId.keySet())) {
            if (!finder.marks.containsKey(id)) {
                finder.search(id);
            }
        }
        return List.copyOf(finder.cycles);
    }

    /** One level of the explicit DFS stack: a revision and the references not yet followed. */
    private record Frame(String id, Iterator<String> references) {
    }

    private void search(String start) {
        Deque<Frame> path = new ArrayDeque<>();
        enter(start, path);
        while (!path.isEmpty()) {
            Frame top = path.peek();
            if (!top.references().hasNext()) {
                marks.put(top.id(), Mark.DONE);
                path.pop();
                continue;
            }
            String next = top.references().next();
            Mark mark = marks.get(next);
            if (mark == null) {
                enter(next, path);
            } else if (mark == Mark.ON_PATH) {
                cycles.add(cycleClosedBy(next, path));
            }
        }
    }

    private void enter(String id, Deque<Frame> path) {
        marks.put(id, Mark.ON_PATH);
        Revision revision = byId.get(id);
        List<String> references = new ArrayList<>(revision.parents().size() + revision.dependsOn().size());
        for (List<String> refs : List.of(revision.parents(), revision.dependsOn())) {
            for (String ref : refs) {
                if (byId.containsKey(ref)) {
                    references.add(ref);
                }
            }
        }
        path.push(new Frame(id, references.iterator()));
    }

    /**
     * The DFS walks from a revision to its parents, so the path from {@code reached} to the top of
     * the stack runs child-to-parent; reversing it gives upgrade order.
     */
    private static List<String> cycleClosedBy(String reached, Deque<Frame> path) {
        List<String> childToParent = new ArrayList<>();
        for (Frame frame : (Iterable<Frame>) path::descendingIterator) {
            if (!childToParent.isEmpty() || frame.id().equals(reached)) {
                childToParent.add(frame.id());
            }
        }
        Collections.reverse(childToParent);
        int smallest = childToParent.indexOf(Collections.min(childToParent));
        Collections.rotate(childToParent, -smallest);
        return List.copyOf(childToParent);
    }
}
