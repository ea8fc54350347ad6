package dev.retort.cli.output;

import com.fasterxml.jackson.annotation.JsonIgnore;

import java.util.List;

/**
 * What {@code retort current} prints: the database's revisions and, when a non-transactional
 * revision failed midway, that the database is dirty and what to do about it.
 *
 * @param revisions the version table's revisions, as {@link RevisionsReport} prints them
 * @param dirty     the dirty state, or {@code null} when the database is clean
 * @param format    how to print the revisions for people
 */
public record CurrentReport(List<RevisionView> revisions, DirtyView dirty, @JsonIgnore RevisionsReport.Format format)
        implements Report {

    /** Copies the list so the record stays immutable. */
    public CurrentReport {
        revisions = List.copyOf(revisions);
    }

    @Override
    public void printTo(Text text) {
        new RevisionsReport(revisions, format).printTo(text);
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
