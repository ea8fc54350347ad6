package dev.retort.cli.output;

import java.util.List;

/**
 * A migration file {@code revision} or {@code merge} wrote.
 *
 * @param revision the new revision's id
 * @param revises  the revisions it revises (empty for a new base)
 * @param file     the file's path
 */
public record NewRevisionReport(String revision, List<String> revises, String file) implements Report {

    /** Copies the list so the record stays immutable. */
    public NewRevisionReport {
        revises = List.copyOf(revises);
    }

    @Override
    public void printTo(Text text) {
        text.line("Created " + file + " (revision " + text.styles().revision(revision) + ", revises "
                + (revises.isEmpty() ? "nothing: a new base" : String.join(", ", revises)) + ").");
    }
}
