package dev.retort.internal.source;

import dev.retort.internal.sql.SqlLiteral;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Server settings a revision runs with: a file's {@code -- set: lock_timeout=5s,
 * statement_timeout=10min} header, or the run's global ones ({@code --set}, Micronaut's
 * {@code session-settings}). Each is applied with {@code set_config(name, value, is_local)}, which
 * takes the value as {@code postgresql.conf} would (so {@code search_path='app, public'} is a list);
 * whether the server knows the name and accepts the value is checked against it before a run starts.
 *
 * @param values the settings by name, in the order given
 * @param origin where they were given, for messages: a file, or {@code --set}
 * @param line   the header's line in that file, or 0
 */
public record SessionSettings(Map<String, String> values, String origin, int line) {

    /** No settings. */
    public static final SessionSettings NONE = new SessionSettings(Map.of(), "", 0);

    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)?");

    /** Keeps the given order, unmodifiable. */
    public SessionSettings {
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    /**
     * @param text   {@code name=value} pairs separated by commas; a value may be single-quoted to hold
     *               commas ({@code search_path='app, public'})
     * @param origin where the text comes from, for messages
     * @param line   its line, or 0
     * @return the settings
     * @throws IllegalArgumentException naming the pair that is not {@code name=value}
     */
    public static SessionSettings parse(String text, String origin, int line) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String pair : SqlLiteral.splitOutsideQuotes(text, ',', '\'')) {
            int equals = pair.indexOf('=');
            String name = equals < 0 ? pair.strip() : pair.substring(0, equals).strip();
            String value = equals < 0 ? "" : unquoted(pair.substring(equals + 1).strip());
            values.put(checked(name, value, pair.strip()), value);
        }
        return new SessionSettings(values, origin, line);
    }

    /**
     * @param values names and values, in the order to apply them
     * @param origin where they were given, for messages
     * @return the settings
     * @throws IllegalArgumentException naming a name that is not a setting's, or an empty value
     */
    public static SessionSettings of(Map<String, String> values, String origin) {
        Map<String, String> checked = new LinkedHashMap<>();
        values.forEach((name, value) -> checked.put(checked(name, value, name + "=" + value), value));
        return new SessionSettings(checked, origin, 0);
    }

    private static String checked(String name, String value, String written) {
        if (!NAME.matcher(name).matches() || value.isEmpty()) {
            throw new IllegalArgumentException("'" + written + "' is not a setting: write name=value pairs"
                    + " separated by commas, e.g. lock_timeout=5s, statement_timeout=10min");
        }
        return name.toLowerCase(Locale.ROOT);
    }

    /**
     * @param revision this revision's own settings
     * @return these (the run's) with the revision's added, the revision's winning where both name one
     */
    public SessionSettings with(SessionSettings revision) {
        if (revision.values.isEmpty()) {
            return this;
        }
        Map<String, String> merged = new LinkedHashMap<>(values);
        merged.putAll(revision.values);
        return new SessionSettings(merged, revision.origin, revision.line);
    }

    /** @return whether there are none */
    public boolean isEmpty() {
        return values.isEmpty();
    }

    /**
     * @param local {@code true} inside a revision's transaction ({@code SET LOCAL}), {@code false}
     *              for the session of a non-transactional one
     * @return one statement per setting
     */
    public List<String> statements(boolean local) {
        List<String> statements = new ArrayList<>();
        values.forEach((name, value) -> statements.add("SELECT pg_catalog.set_config(" + SqlLiteral.text(name) + ", "
                + SqlLiteral.text(value) + ", " + local + ")"));
        return statements;
    }

    /** @return the statements that return the session's settings to their defaults */
    public List<String> resets() {
        return values.keySet().stream().map(name -> "RESET " + name).toList();
    }

    /** @return where the settings were given, as {@code file:line} or the option's name */
    public String place() {
        return line > 0 ? origin + ":" + line : origin;
    }

    /** @return the one setting among these with this name, if any */
    public Optional<String> value(String name) {
        return Optional.ofNullable(values.get(name));
    }

    private static String unquoted(String value) {
        return value.length() >= 2 && value.startsWith("'") && value.endsWith("'")
                ? value.substring(1, value.length() - 1).replace("''", "'") : value;
    }
}
