package dev.retort;

import java.util.ArrayList;
import java.util.List;

/**
 * What {@link Retort#validate()} found by comparing the database with the migration files.
 *
 * @param currentHeads the version table's rows
 * @param pending      revisions that {@code upgrade heads} would apply, in order
 * @param problems     integrity problems: edited files, unknown applied revisions, dirty state, and
 *                     pending files an upgrade would refuse
 */
public record ValidationReport(List<String> currentHeads, List<String> pending, List<Problem> problems) {

    /** Copies the lists so the record stays immutable. */
    public ValidationReport {
        currentHeads = List.copyOf(currentHeads);
        pending = List.copyOf(pending);
        problems = List.copyOf(problems);
    }

    /**
     * @param more problems found after this report was made
     * @return this report with them added
     */
    public ValidationReport withProblems(List<Problem> more) {
        List<Problem> all = new ArrayList<>(problems);
        all.addAll(more);
        return new ValidationReport(currentHeads, pending, all);
    }

    /** @return whether the database matches the files: no problems (pending revisions are allowed) */
    public boolean isValid() {
        return problems.isEmpty();
    }

    /** @return whether the database is at the heads with no problems, what {@code check} requires */
    public boolean isUpToDate() {
        return problems.isEmpty() && pending.isEmpty();
    }

    /**
     * One problem found.
     *
     * @param kind     what kind of problem
     * @param revision the revision concerned
     * @param message  a complete sentence saying what is wrong and what to do
     */
    public record Problem(Kind kind, String revision, String message) {
    }

    /** The kinds of problem validation reports. */
    public enum Kind {
        /** An applied revision's file changed since it was applied. */
        CHECKSUM_CHANGED,
        /** The version table names a revision no file defines. */
        UNKNOWN_REVISION,
        /** A non-transactional revision failed midway. */
        DIRTY,
        /** A pending revision's file has a statement that an upgrade would refuse before running anything. */
        INVALID_FILE
    }
}
