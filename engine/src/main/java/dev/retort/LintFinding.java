package dev.retort;

/**
 * One thing {@code retort lint} found in a migration: what it does to a live database, and what
 * to write instead.
 *
 * @param rule     the rule's stable id, e.g. {@code index-not-concurrent}; what {@code lint-ignore} names
 * @param severity {@link Severity#ERROR} fails {@code lint} (exit 1); a warning does not
 * @param revision the revision (for {@code multiple-heads}, the heads, comma separated)
 * @param file     the migration file
 * @param line     the statement's first line in it (1 for a finding about the whole file)
 * @param message  what happens on a live database and what to write instead
 */
public record LintFinding(String rule, Severity severity, String revision, String file, int line, String message) {

    /** How bad a finding is. */
    public enum Severity {
        /** Locks or rewrites a live table for as long as the table is big: fix it, or say why not. */
        ERROR,
        /** Worth a look: may lock, break running code, or leave no way back. */
        WARNING;

        /** @return {@code error} or {@code warning} */
        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }
}
