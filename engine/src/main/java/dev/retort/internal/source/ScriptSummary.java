package dev.retort.internal.source;

/**
 * What a migration file says of its revision besides the graph's edges and its statements: what
 * listing, showing and checking revisions need, and what a {@link Manifest} keeps so that those
 * commands need not read unchanged files.
 *
 * @param message       the one-line description, possibly empty
 * @param location      where the file lives, for messages
 * @param transactional whether its upgrade and downgrade each run in one transaction
 * @param checksum      {@code sha256:<hex>} over both sections
 */
public record ScriptSummary(String message, String location, boolean transactional, String checksum) {

    /**
     * @param script a parsed file
     * @return its summary; computes the checksum if it was not yet
     */
    static ScriptSummary of(Script script) {
        return new ScriptSummary(script.message(), script.location(), script.transactional(), script.checksum());
    }
}
