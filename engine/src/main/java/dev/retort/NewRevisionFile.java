package dev.retort;

import dev.retort.schema.SchemaScript;

import java.util.ArrayList;
import java.util.List;

/**
 * A new migration file in Retort's format, as {@code retort revision} and {@code retort merge}
 * write it: the header filled in, and either empty sections with a hint of what goes in them or,
 * for {@code revision --autogenerate}, the DDL written from a schema difference. It lives beside
 * the parser that reads it, so that the format has one owner.
 *
 * @param id           the revision id
 * @param revises      its parents (empty for a new base; two or more for a merge)
 * @param message      its one-line message
 * @param branchLabels labels naming the branch that starts here
 * @param dependsOn    revisions that must be applied first, without merging
 * @param upgrade      the statements that apply it; empty for a hint instead
 * @param downgrade    the statements that revert it; empty for a hint instead
 */
public record NewRevisionFile(String id, List<String> revises, String message, List<String> branchLabels,
        List<String> dependsOn, SchemaScript upgrade, SchemaScript downgrade) {

    private static final SchemaScript NONE = new SchemaScript(List.of(), true);

    /** Copies the lists so the record stays immutable. */
    public NewRevisionFile {
        revises = List.copyOf(revises);
        branchLabels = List.copyOf(branchLabels);
        dependsOn = List.copyOf(dependsOn);
    }

    /**
     * A file with empty sections, for people to fill in.
     *
     * @param id           the revision id
     * @param revises      its parents
     * @param message      its one-line message
     * @param branchLabels labels naming the branch that starts here
     * @param dependsOn    revisions that must be applied first, without merging
     */
    public NewRevisionFile(String id, List<String> revises, String message, List<String> branchLabels,
            List<String> dependsOn) {
        this(id, revises, message, branchLabels, dependsOn, NONE, NONE);
    }

    /**
     * @param upgrade   the statements that apply it
     * @param downgrade the statements that revert it
     * @return this file with those sections; {@code transactional: false} when either cannot run in a transaction
     */
    public NewRevisionFile withSections(SchemaScript upgrade, SchemaScript downgrade) {
        return new NewRevisionFile(id, revises, message, branchLabels, dependsOn, upgrade, downgrade);
    }

    /** @return the file's text */
    public String text() {
        List<String> lines = new ArrayList<>();
        lines.add("-- revision: " + id);
        header(lines, "revises", revises);
        lines.add("-- message: " + message);
        header(lines, "branch-labels", branchLabels);
        header(lines, "depends-on", dependsOn);
        if (!upgrade.transactional() || !downgrade.transactional()) {
            lines.add("-- transactional: false");
        }
        lines.add("");
        lines.add("-- +upgrade");
        lines.add(upgrade.isEmpty() ? upgradeHint() : upgrade.text());
        lines.add("-- +downgrade");
        lines.add(downgrade.isEmpty() ? downgradeHint() : downgrade.text());
        return String.join("\n", lines);
    }

    private String upgradeHint() {
        return (revises.size() > 1 ? "-- A merge point: usually nothing to run, unless the merged branches need reconciling."
                : "-- The statements that apply this revision, each ending with ';'.") + "\n";
    }

    private String downgradeHint() {
        return (revises.size() > 1 ? "-- Undo whatever the upgrade section does."
                : "-- The statements that revert it, in reverse order.") + "\n";
    }

    private static void header(List<String> lines, String key, List<String> values) {
        if (!values.isEmpty()) {
            lines.add("-- " + key + ": " + String.join(", ", values));
        }
    }
}
