package dev.retort.cli.output;

import com.fasterxml.jackson.annotation.JsonIgnore;

import java.util.List;

/**
 * What {@code retort current} prints: the database's revisions, where it stands against the
 * files (their heads, what an upgrade would apply) and, when a non-transactional revision failed
 * midway, that the database is dirty and what to do about it. People see the standing with
 * {@code --verbose}; {@code --json} always has it.
 *
 * @param revisions    the version table's revisions, as {@link RevisionsReport} prints them
 * @param heads        the migration files' heads
 * @param pending      the revisions {@code upgrade heads} would apply, in order
 * @param needsUpgrade whether there are any
 * @param dirty        the dirty state, or {@code null} when the database is clean
 * @param format       how to print the revisions for people
 */
public record CurrentReport(List<RevisionView> revisions, List<String> heads, List<String> pending,
        boolean needsUpgrade, DirtyView dirty, @JsonIgnore RevisionsReport.Format format) implements Report {

    /** Copies the lists so the record stays immutable. */
    public CurrentReport {
        revisions = List.copyOf(revisions);
        heads = List.copyOf(heads);
        pending = List.copyOf(pending);
    }

    @Override
    public void printTo(Text text) {
        new RevisionsReport(revisions, format).printTo(text);
        if (format == RevisionsReport.Format.DETAIL) {
            text.line("Heads of the files: " + (heads.isEmpty() ? "none" : String.join(", ", heads)));
            text.line(pending.isEmpty() ? "Pending: none, the database is up to date"
                    : "Pending (" + pending.size() + "): " + String.join(", ", pending) + " (retort upgrade heads)");
        }
        if (dirty != null) {
            text.line(text.styles().error("dirty:") + " " + dirty.advice());
        }
    }

    /**
     * A non-transactional revision that failed midway.
     *
     * @param revision  the revision
     * @param operation {@code upgrade} or {@code downgrade}
     * @param advice    what happened and what to do, as a sentence
     */
    public record DirtyView(String revision, String operation, String advice) {
    }
}
