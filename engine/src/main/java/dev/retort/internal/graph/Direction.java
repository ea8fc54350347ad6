package dev.retort.internal.graph;

/** Which way a {@link Plan} moves the database through the revision graph. */
public enum Direction {

    /** Apply revisions: parents and dependencies before the revisions that need them. */
    UPGRADE,

    /** Revert revisions: children and dependents before the revisions they need. */
    DOWNGRADE
}
