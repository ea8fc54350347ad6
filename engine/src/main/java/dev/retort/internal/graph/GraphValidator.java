package dev.retort.internal.graph;

import dev.retort.error.RevisionGraphException.Kind;
import dev.retort.error.RevisionGraphException.Problem;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Checks a set of revisions for everything that would make the graph unusable, collecting every
 * problem instead of stopping at the first, so one run tells the user all that needs fixing.
 */
final class GraphValidator {

    /** Words the target grammar gives a meaning; an id or label spelled so could never be named. */
    static final Set<String> RESERVED = Set.of("head", "heads", "base", "current");

    private static final int CYCLE_IDS_SHOWN = 10;

    /** The length of the version table's {@code revision} column. */
    static final int MAX_ID_LENGTH = 255;
    private static final int SHOWN_OF_LONG_ID = 40;

    private final List<Problem> problems = new ArrayList<>();
    private final Map<String, Revision> byId = new LinkedHashMap<>();

    private GraphValidator() {
    }

    /**
     * @param revisions the revisions as read from the migration files
     * @return the problems found, each with the revisions involved and a sentence naming them and
     *     their files; empty if valid
     */
    static List<Problem> problems(Collection<Revision> revisions) {
        GraphValidator validator = new GraphValidator();
        validator.checkIdsAndDuplicates(revisions);
        validator.byId.values().forEach(validator::checkReferences);
        validator.checkLabels();
        CycleFinder.cycles(validator.byId).forEach(validator::reportCycle);
        return List.copyOf(validator.problems);
    }

    private void checkIdsAndDuplicates(Collection<Revision> revisions) {
        Map<String, List<String>> duplicated = new LinkedHashMap<>();
        for (Revision revision : revisions) {
            checkName("Revision id", revision.id(), revision);
            checkLength(revision);
            Revision first = byId.putIfAbsent(revision.id(), revision);
            if (first != null) {
                duplicated.computeIfAbsent(revision.id(), id -> new ArrayList<>(List.of(first.origin())))
                        .add(revision.origin());
            }
        }
        duplicated.forEach((id, origins) -> report(Kind.DUPLICATE_ID, List.of(id), "Revision id '" + id + "' is"
                + " defined by more than one file: " + String.join(", ", origins) + ". Give each migration its own id."));
    }

    /** Ids and labels appear in targets such as {@code a1@head} or {@code a1+2}, hence the strict alphabet. */
    private void checkName(String what, String name, Revision owner) {
        if (name.isEmpty()) {
            report(Kind.INVALID_NAME, List.of(owner.id()), what + " in " + owner.origin() + " is empty; use letters,"
                    + " digits, '_' and '.'.");
        } else if (!isAllowed(name)) {
            Set<String> illegal = name.chars()
                    .filter(c -> !isAllowed((char) c))
                    .mapToObj(c -> "'" + (char) c + "'")
                    .collect(Collectors.toCollection(TreeSet::new));
            report(Kind.INVALID_NAME, List.of(owner.id()), what + " '" + name + "' in " + owner.origin() + " contains"
                    + " characters that are not allowed: " + String.join(", ", illegal) + ". Use only letters, digits,"
                    + " '_' and '.'.");
        } else if (RESERVED.contains(name)) {
            report(Kind.INVALID_NAME, List.of(owner.id()), what + " '" + name + "' in " + owner.origin() + " is a"
                    + " reserved word (" + String.join(", ", new TreeSet<>(RESERVED)) + ") and could not be named in a"
                    + " target; choose another.");
        }
    }

    /** The version and history tables store ids in {@code varchar(255)}: a longer one would fail mid-run. */
    private void checkLength(Revision revision) {
        if (revision.id().length() > MAX_ID_LENGTH) {
            report(Kind.INVALID_NAME, List.of(revision.id()), "Revision id '" + revision.id().substring(0,
                    SHOWN_OF_LONG_ID) + "...' in " + revision.origin() + " has " + revision.id().length()
                    + " characters; Retort's version table holds at most " + MAX_ID_LENGTH + ". Shorten it.");
        }
    }

    private static boolean isAllowed(String name) {
        for (int i = 0; i < name.length(); i++) {
            if (!isAllowed(name.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static boolean isAllowed(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '.';
    }

    private void checkReferences(Revision revision) {
        checkReferenceList(revision, revision.parents(), "names parent");
        checkReferenceList(revision, revision.dependsOn(), "depends on");
    }

    private void checkReferenceList(Revision revision, List<String> references, String relation) {
        for (int i = 0; i < references.size(); i++) {
            String reference = references.get(i);
            // Lists of one or two: a set per revision would cost more than the search.
            if (references.subList(0, i).contains(reference)) {
                report(Kind.REPEATED_REFERENCE, List.of(revision.id(), reference), subject(revision, relation)
                        + reference + "' more than once; list it once.");
            } else if (!byId.containsKey(reference)) {
                report(Kind.UNKNOWN_REFERENCE, List.of(revision.id(), reference), subject(revision, relation)
                        + reference + "', which no migration file defines.");
            }
        }
    }

    private static String subject(Revision revision, String relation) {
        return "Revision '" + revision.id() + "' (" + revision.origin() + ") " + relation + " '";
    }

    private void checkLabels() {
        Map<String, Revision> ownerByLabel = new LinkedHashMap<>();
        for (Revision revision : byId.values()) {
            for (String label : revision.branchLabels()) {
                checkName("Branch label", label, revision);
                Revision earlier = ownerByLabel.putIfAbsent(label, revision);
                if (earlier != null) {
                    report(Kind.DUPLICATE_LABEL, List.of(earlier.id(), revision.id()), "Branch label '" + label
                            + "' is used by both " + describe(earlier) + " and " + describe(revision) + "; a label must"
                            + " name one branch.");
                }
                Revision sameId = byId.get(label);
                if (sameId != null) {
                    report(Kind.DUPLICATE_LABEL, List.of(revision.id(), sameId.id()), "Branch label '" + label
                            + "' on " + describe(revision) + " is also the id of " + describe(sameId) + "; targets"
                            + " could not tell them apart.");
                }
            }
        }
    }

    private void reportCycle(List<String> cycle) {
        // A cycle through a long history would otherwise make a message thousands of ids long.
        List<String> shown = cycle.subList(0, Math.min(cycle.size(), CYCLE_IDS_SHOWN));
        String more = cycle.size() > shown.size() ? " -> ... (" + (cycle.size() - shown.size()) + " more)" : "";
        String files = shown.stream().map(id -> byId.get(id).origin()).collect(Collectors.joining(", "));
        report(Kind.CYCLE, cycle, "Revisions form a cycle: " + String.join(" -> ", shown) + more + " -> " + cycle.get(0)
                + " (" + files + (more.isEmpty() ? "" : ", ...") + "); each arrow points to a revision that lists"
                + " the previous one as a parent or dependency. Remove one of these links.");
    }

    private void report(Kind kind, List<String> revisions, String message) {
        problems.add(new Problem(kind, revisions, message));
    }

    private static String describe(Revision revision) {
        return "revision '" + revision.id() + "' (" + revision.origin() + ")";
    }
}
