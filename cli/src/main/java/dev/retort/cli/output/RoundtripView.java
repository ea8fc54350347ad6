package dev.retort.cli.output;

import dev.retort.schema.RoundtripResult;

import java.util.List;

/**
 * What {@code retort roundtrip} found: for each revision in order, whether its downgrade restored
 * the schema; the first that does not ends the list.
 *
 * @param passed    whether every downgrade restored the schema
 * @param revisions one result per revision checked
 */
public record RoundtripView(boolean passed, List<RevisionResult> revisions) implements Report {

    /** Copies the list so the record stays immutable. */
    public RoundtripView {
        revisions = List.copyOf(revisions);
    }

    /**
     * One revision's result.
     *
     * @param revision   the revision
     * @param outcome    {@code RESTORED}, {@code DIFFERS} or {@code NO_DOWNGRADE}
     * @param difference what the downgrade left behind or took too much, one line each
     * @param detail     why it could not be reverted, for {@code NO_DOWNGRADE}
     */
    public record RevisionResult(String revision, String outcome, List<String> difference, String detail) {
    }

    /**
     * @param results the engine's results
     * @return the view
     */
    public static RoundtripView of(List<RoundtripResult> results) {
        return new RoundtripView(results.stream().allMatch(RoundtripResult::isRestored), results.stream()
                .map(r -> new RevisionResult(r.revision(), r.outcome().name(),
                        r.difference().describe("the schema before the upgrade", "the schema after the downgrade"), r.detail()))
                .toList());
    }

    @Override
    public void printTo(Text text) {
        Styles styles = text.styles();
        for (RevisionResult result : revisions) {
            switch (result.outcome()) {
                case "RESTORED" -> text.line(styles.success("ok") + "    " + result.revision());
                case "DIFFERS" -> {
                    text.line(styles.error("FAIL") + "  " + result.revision() + ": its downgrade does not restore the"
                            + " schema");
                    result.difference().forEach(line -> text.line("        " + line));
                }
                default -> text.line(styles.error("FAIL") + "  " + result.revision() + ": " + result.detail());
            }
        }
        text.line(passed ? styles.success("Every downgrade restores the schema (" + revisions.size() + " revisions).")
                : "Fix the revision above: its downgrade must undo exactly what its upgrade does.");
    }
}
