package dev.retort;

import dev.retort.error.TargetException;

import java.util.List;
import java.util.Optional;

/**
 * What an offline script covers, in Alembic's form for {@code --sql}: a target, or {@code from:to},
 * whose start stands in for the database's current revision so that the script can be written
 * without connecting.
 *
 * @param from the revision (or {@code base}) the script starts from, when given; resolve it with
 *             {@link Revisions}
 * @param to   the target
 */
public record ScriptRange(Optional<String> from, Target to) {

    /**
     * @param text a target, or {@code from:to}
     * @return the range
     * @throws TargetException when a side is missing or the target is malformed
     */
    public static ScriptRange parse(String text) {
        int colon = text.indexOf(':');
        if (colon < 0) {
            return new ScriptRange(Optional.empty(), Target.parse(text));
        }
        String from = text.substring(0, colon).strip();
        String to = text.substring(colon + 1).strip();
        if (from.isEmpty() || to.isEmpty()) {
            throw new TargetException(text, "The range '" + text + "' needs both ends, such as 'base:head' or"
                    + " '001_add_version_column:head'.", List.of());
        }
        return new ScriptRange(Optional.of(from), Target.parse(to));
    }

    /** @return whether a start was given, so that the script needs no database */
    public boolean isRange() {
        return from.isPresent();
    }
}
