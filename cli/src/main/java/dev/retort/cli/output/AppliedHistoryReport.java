package dev.retort.cli.output;

import dev.retort.HistoryEntry;

import java.util.List;

/**
 * The database's own audit trail (the history table): what was applied, downgraded or stamped,
 * when, by whom and how long it took, oldest first.
 *
 * @param entries the rows
 */
public record AppliedHistoryReport(List<EntryView> entries) implements Report {

    /**
     * One row of the history table.
     *
     * @param revision   the revision
     * @param operation  {@code upgrade}, {@code downgrade} or {@code stamp}
     * @param appliedAt  when, ISO-8601
     * @param durationMs how long, or {@code null} when unknown (offline scripts)
     * @param appliedBy  the database role
     * @param success    {@code false} for a non-transactional revision that failed midway
     * @param checksum   the file's checksum at the time, or {@code null}
     * @param message    the revision's message at the time
     */
    public record EntryView(String revision, String operation, String appliedAt, Long durationMs, String appliedBy,
            boolean success, String checksum, String message) {
    }

    /** Copies the list so the record stays immutable. */
    public AppliedHistoryReport {
        entries = List.copyOf(entries);
    }

    /**
     * @param rows the engine's history rows
     * @return the report
     */
    public static AppliedHistoryReport of(List<HistoryEntry> rows) {
        return new AppliedHistoryReport(rows.stream()
                .map(row -> new EntryView(row.revision(), row.operation().label(), row.appliedAt().toString(),
                        row.durationMs(), row.appliedBy(), row.success(), row.checksum(), row.message()))
                .toList());
    }

    @Override
    public void printTo(Text text) {
        Styles styles = text.styles();
        for (EntryView entry : entries) {
            String duration = entry.durationMs() == null ? "" : " (" + entry.durationMs() + " ms)";
            text.line(styles.dim(entry.appliedAt()) + "  " + String.format("%-9s", entry.operation()) + " "
                    + styles.revision(entry.revision()) + styles.dim(duration + " by " + entry.appliedBy())
                    + (entry.success() ? "" : " " + styles.error("FAILED (database dirty)")));
        }
    }
}
