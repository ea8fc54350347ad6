package dev.retort.cli.output;

import dev.retort.LintFinding;
import dev.retort.LintReport;

import java.util.List;

/**
 * What {@code retort lint} found: one line per finding, {@code file:line  rule  severity  message}.
 *
 * @param revisions the revisions linted, in order
 * @param findings  the findings
 * @param errors    how many findings are errors ({@code lint} exits 1 when any)
 * @param scope     {@code pending} or {@code all}
 */
public record LintView(List<String> revisions, List<Finding> findings, long errors, String scope) implements Report {

    /** Copies the lists so the record stays immutable. */
    public LintView {
        revisions = List.copyOf(revisions);
        findings = List.copyOf(findings);
    }

    /**
     * One finding.
     *
     * @param file     the migration file
     * @param line     the statement's first line
     * @param rule     the rule's id
     * @param severity {@code error} or {@code warning}
     * @param revision the revision
     * @param message  what happens on a live database and what to write instead
     */
    public record Finding(String file, int line, String rule, String severity, String revision, String message) {
    }

    /**
     * @param report the engine's report
     * @param scope  {@code pending} or {@code all}
     * @return the view
     */
    public static LintView of(LintReport report, String scope) {
        return new LintView(report.revisions(), report.findings().stream()
                .map(f -> new Finding(f.file(), f.line(), f.rule(), f.severity().label(), f.revision(), f.message()))
                .toList(), report.findings().stream().filter(f -> f.severity() == LintFinding.Severity.ERROR).count(),
                scope);
    }

    @Override
    public void printTo(Text text) {
        Styles styles = text.styles();
        for (Finding finding : findings) {
            String severity = finding.severity().equals("error") ? styles.error(finding.severity())
                    : styles.warning(finding.severity());
            text.line(finding.file() + ":" + finding.line() + "  " + finding.rule() + "  " + severity + "  "
                    + styles.safe(finding.message()));
        }
        String what = revisions.size() + (scope.equals("all") ? "" : " pending") + " revision"
                + (revisions.size() == 1 ? "" : "s");
        long warnings = findings.size() - errors;
        text.line(findings.isEmpty() ? styles.success("No findings in " + what + ".")
                : "Linted " + what + ": " + errors + " error" + (errors == 1 ? "" : "s") + ", " + warnings + " warning"
                        + (warnings == 1 ? "" : "s") + ". Silence a rule for a file with '-- lint-ignore: RULE',"
                        + " for a run with --lint-ignore RULE.");
    }
}
