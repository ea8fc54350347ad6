package dev.retort.cli.output;

import dev.retort.ValidationReport;

import org.jspecify.annotations.Nullable;

import java.util.List;

/**
 * What {@code check} and {@code validate} found when comparing the database with the files.
 *
 * @param upToDate     whether the database is at the heads with no problems ({@code check} passes)
 * @param valid        whether there are no problems; pending revisions are allowed ({@code validate} passes)
 * @param currentHeads the version table's rows
 * @param pending      revisions an upgrade to the heads would apply, in order
 * @param problems     what is wrong: edited files, unknown applied revisions, a dirty database
 * @param drift        for {@code check}: what was changed in the database by hand, or {@code null}
 *                     when not checked
 * @param driftNotChecked for {@code check}: why drift was not checked although asked for, or {@code null}
 */
public record ValidationView(boolean upToDate, boolean valid, List<String> currentHeads, List<String> pending,
        List<Problem> problems, @Nullable DiffView drift, @Nullable String driftNotChecked) implements Report {

    /**
     * One problem.
     *
     * @param kind     {@code CHECKSUM_CHANGED}, {@code UNKNOWN_REVISION} or {@code DIRTY}
     * @param revision the revision concerned
     * @param message  what is wrong and what to do
     */
    public record Problem(String kind, String revision, String message) {
    }

    /**
     * @param report the engine's report
     * @return the view
     */
    public static ValidationView of(ValidationReport report) {
        return new ValidationView(report.isUpToDate(), report.isValid(),
                report.currentHeads().stream().sorted().toList(), report.pending(), report.problems().stream()
                        .map(p -> new Problem(p.kind().name(), p.revision(), p.message()))
                        .toList(), null, null);
    }

    /**
     * @param drift what was changed in the database by hand
     * @return this view with it
     */
    public ValidationView withDrift(DiffView drift) {
        return new ValidationView(upToDate, valid, currentHeads, pending, problems, drift, null);
    }

    /**
     * @param reason why drift could not be checked
     * @return this view saying so
     */
    public ValidationView withDriftNotChecked(String reason) {
        return new ValidationView(upToDate, valid, currentHeads, pending, problems, null, reason);
    }

    @Override
    public void printTo(Text text) {
        Styles styles = text.styles();
        String at = currentHeads.isEmpty() ? "base (no revision applied)" : String.join(", ", currentHeads);
        text.line("Database at " + at + ".");
        if (pending.isEmpty()) {
            text.line(problems.isEmpty() ? styles.success("Up to date.") : "No pending revisions.");
        } else {
            text.line(styles.warning(pending.size() + " pending revision" + (pending.size() == 1 ? "" : "s") + ": "
                    + String.join(", ", pending)) + " (run 'retort upgrade' to apply them)");
        }
        problems.forEach(problem -> text.line(styles.error("problem: ") + problem.message()));
        if (drift != null && drift.equal()) {
            text.line("No drift: the schema is what the migrations make.");
        } else if (drift != null) {
            text.line(styles.error("drift: ") + "the database differs from what its migrations make ("
                    + (hasEditedFiles() ? "changed by hand, or by the edited files above: their current text is"
                            + " what was replayed" : "changed by hand?") + "):");
            drift.changes().forEach(change -> text.line("  " + change.description()));
        } else if (driftNotChecked != null) {
            text.line(styles.warning("drift not checked: ") + driftNotChecked + "; fix the problem above first");
        }
    }

    private boolean hasEditedFiles() {
        return problems.stream().anyMatch(problem -> problem.kind().equals(ValidationReport.Kind.CHECKSUM_CHANGED.name()));
    }
}
