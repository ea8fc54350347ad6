package dev.retort.internal.graph;

import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * Transitive reach over the graph's edges with an explicit work list: recursion would overflow the
 * stack on a long linear history, and a visited set keeps diamonds from being walked twice.
 */
final class Traversal {

    private Traversal() {
    }

    /**
     * @param starts where to start; included in the result
     * @param edges  the neighbours of a revision in the direction to walk
     * @return every revision reachable from {@code starts}, including the starts themselves
     */
    static Set<String> reach(Collection<String> starts, Function<String, List<String>> edges) {
        Set<String> seen = new HashSet<>(starts);
        Deque<String> pending = new ArrayDeque<>(starts);
        while (!pending.isEmpty()) {
            for (String next : edges.apply(pending.pop())) {
                if (seen.add(next)) {
                    pending.push(next);
                }
            }
        }
        return seen;
    }
}
