package dev.retort.internal.graph;

/**
 * A target expression after {@link TargetParser} has checked its syntax, before anything is looked
 * up in a graph. {@code offset} is a relative step: positive walks towards the heads, negative
 * towards the bases, zero means none.
 */
public sealed interface ParsedTarget {

    /** @return the target written canonically, e.g. {@code a1+2}; quoted in messages */
    String expression();

    /** Renders a relative step: {@code +2}, {@code -1}, or nothing for zero. */
    private static String step(int offset) {
        return offset == 0 ? "" : offset > 0 ? "+" + offset : Integer.toString(offset);
    }

    /** {@code heads}: every head of the graph. */
    record Heads() implements ParsedTarget {
        @Override
        public String expression() {
            return "heads";
        }
    }

    /** {@code base}: nothing applied. */
    record Base() implements ParsedTarget {
        @Override
        public String expression() {
            return "base";
        }
    }

    /** {@code head}, {@code head-1}: the graph's single head, optionally stepped back. */
    record Head(int offset) implements ParsedTarget {
        @Override
        public String expression() {
            return "head" + ParsedTarget.step(offset);
        }
    }

    /** {@code a1b2}, {@code a1}, {@code mybranch}, {@code a1+2}: an id, unique id prefix or branch label. */
    record Named(String name, int offset) implements ParsedTarget {
        @Override
        public String expression() {
            return name + ParsedTarget.step(offset);
        }
    }

    /** {@code a1@head}, {@code mybranch@head-1}: the single head descending from a revision or label. */
    record HeadOf(String name, int offset) implements ParsedTarget {
        @Override
        public String expression() {
            return name + "@head" + ParsedTarget.step(offset);
        }
    }

    /**
     * {@code mybranch@-1}, {@code b1@+2}: steps along one branch from the database's current
     * revision on it, leaving the other branches as they are: a downgrade reverts that branch's
     * newest revisions only, where {@code b1-1} ends at b1's parent and so, at a branch point,
     * reverts the other branches too.
     */
    record BranchStep(String name, int offset) implements ParsedTarget {
        @Override
        public String expression() {
            return name + "@" + ParsedTarget.step(offset);
        }
    }

    /** {@code mybranch@base}: the start of a branch; downgrading to it removes the whole branch. */
    record BaseOf(String name) implements ParsedTarget {
        @Override
        public String expression() {
            return name + "@base";
        }
    }

    /** {@code +2}, {@code -1}: steps from the database's current revision. */
    record Relative(int offset) implements ParsedTarget {
        @Override
        public String expression() {
            return ParsedTarget.step(offset);
        }
    }

    /** {@code current}: the database's current revisions; only valid in a history range. */
    record Current() implements ParsedTarget {
        @Override
        public String expression() {
            return "current";
        }
    }
}
