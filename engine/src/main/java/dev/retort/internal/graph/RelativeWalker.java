package dev.retort.internal.graph;

import dev.retort.error.TargetException;
import java.util.List;

/**
 * Walks {@code +N} / {@code -N} steps along {@code parents} (dependencies do not count as steps,
 * as in Alembic). A walk must be unambiguous: stepping forward across a branch point or back
 * across a merge names the options instead of guessing. Stepping back from a base once reaches
 * "before" that base, which is how {@code -1} from the first revision means downgrade to base.
 */
final class RelativeWalker {

    /**
     * Where a walk ends: at a revision, or before a base revision ({@code revision} null). A walk
     * from an empty database starts before every base ({@code root} null too).
     */
    record Position(String revision, String root) {

        static Position at(String revision) {
            return new Position(revision, null);
        }

        static Position before(String root) {
            return new Position(null, root);
        }

        boolean isBase() {
            return revision == null;
        }
    }

    private final RevisionGraph graph;
    private final String text;

    RelativeWalker(RevisionGraph graph, String text) {
        this.graph = graph;
        this.text = text;
    }

    /** @return the position {@code offset} steps from {@code start}, which is returned if offset is 0 */
    Position walk(Position start, int offset) {
        Position position = start;
        int steps = Math.abs(offset);
        for (int taken = 0; taken < steps; taken++) {
            position = offset > 0 ? forward(position, taken, steps) : backward(position, taken, steps);
        }
        return position;
    }

    private Position forward(Position position, int taken, int steps) {
        List<String> options = position.isBase() ? graph.bases() : graph.children(position.revision());
        if (options.isEmpty()) {
            throw shortWalk(steps, taken, position.isBase() ? "an empty history" : "head '" + position.revision() + "'");
        }
        if (options.size() > 1) {
            String where = position.isBase() ? "the history has several bases: " : "'" + position.revision()
                    + "' branches into ";
            throw ambiguous(where + String.join(", ", options), options, "+", steps - taken - 1);
        }
        return Position.at(options.get(0));
    }

    private Position backward(Position position, int taken, int steps) {
        if (position.isBase()) {
            throw shortWalk(steps, taken, "base");
        }
        List<String> parents = graph.revision(position.revision()).parents();
        if (parents.isEmpty()) {
            return Position.before(position.revision());
        }
        if (parents.size() > 1) {
            throw ambiguous("'" + position.revision() + "' merges " + String.join(", ", parents), parents,
                    "-", steps - taken - 1);
        }
        return Position.at(parents.get(0));
    }

    private TargetException shortWalk(int steps, int taken, String stop) {
        return new TargetException(text, "Relative revision " + text + " didn't produce " + steps + " migrations: only "
                + taken + " found before reaching " + stop + ".", List.of());
    }

    /** Suggests the expression that continues the walk from each option, e.g. {@code b+1}. */
    private TargetException ambiguous(String why, List<String> options, String sign, int stepsLeft) {
        String remaining = stepsLeft == 0 ? "" : sign + stepsLeft;
        List<String> candidates = options.stream().sorted().toList();
        return new TargetException(text, "Relative revision " + text + " is ambiguous: " + why
                + ". Name the way to go instead, e.g. '" + candidates.get(0) + remaining + "'.", candidates);
    }
}
