package dev.retort;

import java.util.List;
import java.util.Set;

/**
 * One migration script as the revision graph sees it.
 *
 * @param id            the revision id
 * @param parents       the revisions it revises (empty for a base; two or more for a merge)
 * @param dependsOn     revisions that must be applied first, without merging
 * @param branchLabels  labels naming the branch that starts here
 * @param children      revisions that revise this one
 * @param message       the one-line description
 * @param file          where the file is
 * @param transactional whether it runs in one transaction
 * @param checksum      {@code sha256:...} over its sections
 */
public record RevisionInfo(String id, List<String> parents, List<String> dependsOn, Set<String> branchLabels,
        List<String> children, String message, String file, boolean transactional, String checksum) {

    /** Copies the collections so the record stays immutable. */
    public RevisionInfo {
        parents = List.copyOf(parents);
        dependsOn = List.copyOf(dependsOn);
        branchLabels = Set.copyOf(branchLabels);
        children = List.copyOf(children);
    }

    /** @return whether nothing revises this revision */
    public boolean isHead() {
        return children.isEmpty();
    }

    /** @return whether it revises nothing */
    public boolean isBase() {
        return parents.isEmpty();
    }

    /** @return whether it joins two or more parents */
    public boolean isMergePoint() {
        return parents.size() > 1;
    }

    /** @return whether two or more revisions revise it */
    public boolean isBranchPoint() {
        return children.size() > 1;
    }
}
