package dev.retort.internal.graph;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * One migration as the revision graph sees it: its id, where it sits in the graph and the file it
 * came from. Mirrors Alembic's {@code revision}, {@code down_revision}, {@code depends_on} and
 * {@code branch_labels}.
 *
 * <p>Nothing is validated here beyond non-null values: {@link RevisionGraph#of} checks ids,
 * references and labels across all revisions at once, so a user sees every problem together.
 *
 * @param id           the revision id, unique in the graph; letters, digits, {@code _} and {@code .}
 * @param parents      Alembic's {@code down_revision}: empty for a base, two or more for a merge
 * @param dependsOn    revisions that must be applied first without merging their branch into this one
 * @param branchLabels symbolic names for the branch this revision starts (or belongs to)
 * @param origin       the file name, quoted in error messages
 */
public record Revision(
        String id, List<String> parents, List<String> dependsOn, Set<String> branchLabels, String origin) {

    /** Copies the collections defensively, keeping their order. */
    public Revision {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(origin, "origin");
        parents = List.copyOf(parents);
        dependsOn = List.copyOf(dependsOn);
        // LinkedHashSet keeps the order the file declared; copyOf-style null checks by hand.
        branchLabels.forEach(label -> Objects.requireNonNull(label, "branch label"));
        branchLabels = Collections.unmodifiableSet(new LinkedHashSet<>(branchLabels));
    }

    /** @return true if this revision has no parent: it starts a branch of history */
    public boolean isBase() {
        return parents.isEmpty();
    }

    /** @return true if this revision joins two or more branches */
    public boolean isMerge() {
        return parents.size() > 1;
    }
}
