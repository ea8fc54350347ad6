package dev.retort;

import java.util.ArrayList;
import java.util.List;

/**
 * A new migration file in Retort's format, as {@code retort revision} and {@code retort merge}
 * write it: the header filled in, and empty sections with a hint of what goes in them. It lives
 * beside the parser that reads it, so that the format has one owner.
 *
 * @param id           the revision id
 * @param revises      its parents (empty for a new base; two or more for a merge)
 * @param message      its one-line message
 * @param branchLabels labels naming the branch that starts here
 * @param dependsOn    revisions that must be applied first, without merging
 */
public record NewRevisionFile(String id, List<String> revises, String message, List<String> branchLabels,
        List<String> dependsOn) {

    /** Copies the lists so the record stays immutable. */
    public NewRevisionFile {
        revises = List.copyOf(revises);
        branchLabels = List.copyOf(branchLabels);
        dependsOn = List.copyOf(dependsOn);
    }

    /** @return the file's text */
    public String text() {
        List<String> lines = new ArrayList<>();
        lines.add("-- revision: " + id);
        header(lines, "revises", revises);
        lines.add("-- message: " + message);
        header(lines, "branch-labels", branchLabels);
        header(lines, "depends-on", dependsOn);
        lines.add("");
        lines.add("-- +upgrade");
        lines.add(revises.size() > 1
                ? "-- A merge point: usually nothing to run, unless the merged branches need reconciling."
                : "-- The statements that apply this revision, each ending with ';'.");
        lines.add("");
        lines.add("-- +downgrade");
        lines.add(revises.size() > 1 ? "-- Undo whatever the upgrade section does."
                : "-- The statements that revert it, in reverse order.");
        lines.add("");
        return String.join("\n", lines);
    }

    private static void header(List<String> lines, String key, List<String> values) {
        if (!values.isEmpty()) {
            lines.add("-- " + key + ": " + String.join(", ", values));
        }
    }
}
