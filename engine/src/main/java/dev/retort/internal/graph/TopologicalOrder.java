package dev.retort.internal.graph;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;

/**
 * Kahn's algorithm with a priority queue: a revision becomes ready once all its parents and
 * dependencies are placed, and among ready revisions the smallest id goes first. That makes the
 * order a pure function of the graph, independent of file listing order, in O(n log n).
 */
final class TopologicalOrder {

    private TopologicalOrder() {
    }

    /**
     * @param byId       the revisions, already checked to be acyclic
     * @param upstream   distinct parents and dependencies of each id
     * @param downstream distinct children and dependents of each id
     * @return every revision, each after everything upstream of it
     */
    static List<Revision> sort(
            Map<String, Revision> byId, Map<String, List<String>> upstream, Map<String, List<String>> downstream) {
        Map<String, Integer> waitingOn = new HashMap<>();
        PriorityQueue<String> ready = new PriorityQueue<>();
        upstream.forEach((id, refs) -> {
            waitingOn.put(id, refs.size());
            if (refs.isEmpty()) {
                ready.add(id);
            }
        });
        List<Revision> ordered = new ArrayList<>(byId.size());
        while (!ready.isEmpty()) {
            String id = ready.poll();
            ordered.add(byId.get(id));
            for (String next : downstream.get(id)) {
                if (waitingOn.merge(next, -1, Integer::sum) == 0) {
                    ready.add(next);
                }
            }
        }
        if (ordered.size() != byId.size()) {
            // Validation rejects cycles first; reaching this means that check has a bug.
            throw new IllegalStateException("Cycle left in a validated revision graph");
        }
        return List.copyOf(ordered);
    }
}
