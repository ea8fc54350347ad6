package dev.retort.cli.command;

import dev.retort.Target;
import dev.retort.error.TargetException;

import java.util.List;
import java.util.Optional;

/**
 * The argument of {@code upgrade}, {@code downgrade} or {@code stamp}: a target, or with
 * {@code --sql} a {@code from:to} range whose start replaces the database's current revision, so
 * that the script can be written without connecting (Alembic's offline mode).
 *
 * @param from the revision to start from ({@code base} for an empty database), when given
 * @param to   the target
 */
record ScriptRange(Optional<String> from, Target to) {

    /**
     * @param text a target or {@code from:to}
     * @param sql  whether {@code --sql} was given (only scripts accept a range)
     * @return the parsed argument
     * @throws TargetException when it is malformed, or a range without {@code --sql}
     */
    static ScriptRange parse(String text, boolean sql) {
        int colon = text.indexOf(':');
        if (colon < 0) {
            return new ScriptRange(Optional.empty(), Target.parse(text));
        }
        String from = text.substring(0, colon).strip();
        String to = text.substring(colon + 1).strip();
        if (!sql) {
            throw new TargetException(text, "The range '" + text + "' is for scripts: add --sql to print the SQL"
                    + " from " + from + " to " + to + " without connecting, or give only the target to run it.",
                    List.of());
        }
        if (from.isEmpty() || to.isEmpty()) {
            throw new TargetException(text, "The range '" + text + "' needs both ends, such as 'base:head' or"
                    + " '001_add_version_column:head'.", List.of());
        }
        return new ScriptRange(Optional.of(from), Target.parse(to));
    }
}
