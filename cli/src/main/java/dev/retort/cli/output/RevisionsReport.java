package dev.retort.cli.output;

import com.fasterxml.jackson.annotation.JsonIgnore;

import java.util.List;

/**
 * A list of revisions: what {@code heads}, {@code branches}, {@code current}, {@code history} and
 * {@code show} print. The JSON form is the same for all; the human form depends on the command.
 *
 * @param revisions the revisions, in the order to print
 * @param format    how to print them for people
 */
public record RevisionsReport(List<RevisionView> revisions, @JsonIgnore Format format) implements Report {

    /** How a list of revisions reads for people. */
    public enum Format {
        /** {@code 002_add_reason (head)}: one line each, like Alembic's heads and current. */
        LINE,
        /** {@code 001_a -> 002_b (head), Message}: like Alembic's history. */
        HISTORY,
        /** {@code 000_base (branchpoint) -> 001_a, 001_b}: branch points and where they lead. */
        BRANCHES,
        /** Every field, a block per revision, like Alembic's show and --verbose. */
        DETAIL
    }

    /** Copies the list so the record stays immutable. */
    public RevisionsReport {
        revisions = List.copyOf(revisions);
    }

    @Override
    public void printTo(Text text) {
        for (RevisionView revision : revisions) {
            switch (format) {
                case LINE -> text.line(heading(revision, text.styles()));
                case HISTORY -> text.line(historyLine(revision, text.styles()));
                case BRANCHES -> text.line(heading(revision, text.styles()) + " -> "
                        + String.join(", ", revision.children()));
                case DETAIL -> printDetail(revision, text);
            }
        }
    }

    private static String heading(RevisionView revision, Styles styles) {
        String tags = String.join(" ", revision.tags());
        return styles.revision(revision.id()) + (tags.isEmpty() ? "" : " " + styles.tag(tags));
    }

    private static String historyLine(RevisionView revision, Styles styles) {
        String from = revision.parents().isEmpty() ? "<base>" : String.join(", ", revision.parents());
        String message = revision.message() == null || revision.message().isEmpty() ? "" : ", " + revision.message();
        return from + " -> " + heading(revision, styles) + message;
    }

    private static void printDetail(RevisionView revision, Text text) {
        text.line("Rev: " + heading(revision, text.styles()));
        if (revision.file() == null) {
            text.line("");
            return;
        }
        text.line("Parent: " + (revision.parents().isEmpty() ? "<base>" : String.join(", ", revision.parents())));
        optional(text, "Depends on: ", revision.dependsOn());
        optional(text, "Branches into: ", revision.children().size() > 1 ? revision.children() : List.of());
        text.line("Path: " + revision.file());
        if (Boolean.FALSE.equals(revision.transactional())) {
            text.line("Transactional: false");
        }
        text.line("Checksum: " + text.styles().dim(revision.checksum()));
        text.line("");
        text.line("    " + (revision.message().isEmpty() ? "(no message)" : revision.message()));
        text.line("");
    }

    private static void optional(Text text, String label, List<String> values) {
        if (!values.isEmpty()) {
            text.line(label + String.join(", ", values));
        }
    }
}
