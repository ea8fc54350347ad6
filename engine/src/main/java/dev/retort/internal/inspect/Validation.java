package dev.retort.internal.inspect;

import dev.retort.HistoryEntry;
import dev.retort.Operation;
import dev.retort.ValidationReport.Kind;
import dev.retort.ValidationReport.Problem;
import dev.retort.ValidationReport;
import dev.retort.internal.graph.Planner;
import dev.retort.internal.graph.Step;
import dev.retort.internal.history.DatabaseState;
import dev.retort.internal.source.Catalog;
import dev.retort.internal.source.ScriptSummary;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Compares the database's state and history with the files, in memory: the history is read in
 * one query and each applied revision's latest recorded checksum is compared with its file's.
 */
public final class Validation {

    private Validation() {
    }

    public static ValidationReport report(Catalog catalog, DatabaseState state, List<HistoryEntry> history) {
        List<Problem> problems = new ArrayList<>();
        state.dirtyMark().ifPresent(mark -> problems.add(new Problem(Kind.DIRTY, mark.revision(),
                "the " + mark.operation() + " of non-transactional revision " + mark.revision() + " failed midway;"
                        + " repair the schema by hand, then run 'retort stamp <revision>'")));
        List<String> unknown = unknown(catalog, state.heads());
        unknown.forEach(revision -> problems.add(new Problem(Kind.UNKNOWN_REVISION, revision,
                "the version table names revision '" + revision + "', which no migration file defines; restore the"
                        + " file, or run 'retort stamp <revision> --purge' to record the database's real revision")));
        if (!unknown.isEmpty()) {
            return new ValidationReport(sorted(state.heads()), List.of(), problems);
        }
        problems.addAll(checksumChanges(catalog, state.heads(), history));
        return new ValidationReport(sorted(state.heads()), pending(catalog, state.heads()), problems);
    }

    /** @return the version rows that no migration file defines, sorted */
    static List<String> unknown(Catalog catalog, Set<String> heads) {
        return heads.stream().filter(r -> !catalog.graph().contains(r)).sorted().toList();
    }

    /** @return what {@code upgrade heads} would apply from these rows, in order; all rows must be known */
    static List<String> pending(Catalog catalog, Set<String> heads) {
        return Planner.upgrade(catalog.graph(), heads, "heads").steps().stream().map(Step::revision).toList();
    }

    private static Set<String> applied(Catalog catalog, Set<String> heads) {
        Set<String> applied = new LinkedHashSet<>(heads);
        heads.forEach(head -> applied.addAll(catalog.graph().ancestors(head)));
        return applied;
    }

    private static List<Problem> checksumChanges(Catalog catalog, Set<String> heads, List<HistoryEntry> history) {
        Set<String> applied = applied(catalog, heads);
        Map<String, HistoryEntry> latest = new HashMap<>();
        for (HistoryEntry entry : history) {
            if (entry.success() && entry.operation() != Operation.DOWNGRADE && entry.checksum() != null) {
                latest.put(entry.revision(), entry);
            }
        }
        List<Problem> problems = new ArrayList<>();
        for (String revision : new TreeSet<>(applied)) {
            HistoryEntry recorded = latest.get(revision);
            ScriptSummary summary = catalog.summary(revision);
            if (recorded != null && !recorded.checksum().equals(summary.checksum())) {
                problems.add(new Problem(Kind.CHECKSUM_CHANGED, revision, summary.location() + " changed after it was"
                        + " applied on " + recorded.appliedAt() + " (recorded " + recorded.checksum() + ", now "
                        + summary.checksum() + "); revert the edit and put the change in a new revision"
                        + (heads.contains(revision) ? "; if the edit only fixes its downgrade, 'retort stamp "
                                + revision + "' records the file as it is now" : "")));
            }
        }
        return problems;
    }

    private static List<String> sorted(Set<String> heads) {
        return heads.stream().sorted().toList();
    }
}
