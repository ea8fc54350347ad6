package dev.retort;

import java.util.List;

/**
 * What {@link Retort#lint} found, in the order the revisions run and then by line.
 *
 * @param revisions the revisions linted, in order
 * @param findings  the findings
 */
public record LintReport(List<String> revisions, List<LintFinding> findings) {

    /** Copies the lists so the record stays immutable. */
    public LintReport {
        revisions = List.copyOf(revisions);
        findings = List.copyOf(findings);
    }

    /** @return whether any finding is an error */
    public boolean hasErrors() {
        return findings.stream().anyMatch(f -> f.severity() == LintFinding.Severity.ERROR);
    }
}
