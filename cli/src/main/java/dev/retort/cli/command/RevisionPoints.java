package dev.retort.cli.command;

import dev.retort.RevisionInfo;
import dev.retort.Revisions;
import dev.retort.Target;

import java.util.List;
import java.util.Set;

/**
 * Resolves a target expression ({@code heads}, a prefix, {@code branch@head}...) to the revisions
 * it names, against the files alone: for the commands that must not connect.
 */
final class RevisionPoints {

    private RevisionPoints() {
    }

    /**
     * @param revisions  the revision graph
     * @param expression a target, not a range
     * @return the ids it names, sorted; empty for {@code base}
     * @throws dev.retort.error.TargetException when it is malformed, unknown or ambiguous
     */
    static List<String> resolve(Revisions revisions, String expression) {
        Target.parse(expression); // rejects ranges and 'current' with the engine's own explanation
        return revisions.range(expression, Set.of()).stream().map(RevisionInfo::id).sorted().toList();
    }

    /**
     * @param revisions   the revision graph
     * @param expressions targets, not ranges
     * @return the ids they name together, without repeats, sorted
     * @throws dev.retort.error.TargetException when one is malformed, unknown or ambiguous
     */
    static List<String> resolveAll(Revisions revisions, List<String> expressions) {
        return expressions.stream()
                .flatMap(expression -> resolve(revisions, expression).stream())
                .distinct()
                .sorted()
                .toList();
    }
}
