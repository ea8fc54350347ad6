package dev.retort.cli.output;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.retort.RevisionInfo;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * One revision as the CLI shows it, in human and JSON output.
 *
 * @param id            the revision id
 * @param parents       the revisions it revises
 * @param children      the revisions that revise it
 * @param dependsOn     revisions it depends on without merging
 * @param branchLabels  its branch labels, sorted
 * @param message       its message, or {@code null} when no file defines it
 * @param file          its file, or {@code null} when no file defines it
 * @param transactional whether it runs in one transaction, or {@code null} when unknown
 * @param checksum      its checksum, or {@code null} when unknown
 * @param head          whether nothing revises it
 * @param current       whether the database is at it, or {@code null} when the database was not asked
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RevisionView(String id, List<String> parents, List<String> children, List<String> dependsOn,
        List<String> branchLabels, String message, String file, Boolean transactional, String checksum,
        boolean head, Boolean current) {

    /**
     * @param info    the revision as the files define it
     * @param current the database's version rows, or {@code null} when the database was not asked
     * @return the view
     */
    public static RevisionView of(RevisionInfo info, Set<String> current) {
        return new RevisionView(info.id(), info.parents(), info.children(), info.dependsOn(),
                info.branchLabels().stream().sorted().toList(), info.message(), info.file(), info.transactional(),
                info.checksum(), info.isHead(), current == null ? null : current.contains(info.id()));
    }

    /**
     * @param id a revision the version table holds but no file defines
     * @return a view saying only that
     */
    public static RevisionView unknown(String id) {
        return new RevisionView(id, List.of(), List.of(), List.of(), List.of(), null, null, null, null, false, true);
    }

    /** @return the tags Alembic prints after an id: labels, then head, branch point, merge point, current */
    List<String> tags() {
        List<String> tags = new ArrayList<>();
        if (!branchLabels.isEmpty()) {
            tags.add("(" + String.join(", ", branchLabels) + ")");
        }
        addIf(tags, head && file != null, "(head)");
        addIf(tags, children.size() > 1, "(branchpoint)");
        addIf(tags, parents.size() > 1, "(mergepoint)");
        addIf(tags, Boolean.TRUE.equals(current), "(current)");
        addIf(tags, file == null, "(no file defines it)");
        return tags;
    }

    private static void addIf(List<String> tags, boolean condition, String tag) {
        if (condition) {
            tags.add(tag);
        }
    }
}
