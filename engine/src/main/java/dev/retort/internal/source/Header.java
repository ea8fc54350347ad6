package dev.retort.internal.source;

import dev.retort.error.MigrationFileException;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code -- key: value} lines before a file's first section marker. Unknown and repeated keys
 * are errors, because a misspelt {@code revises} would otherwise silently make a new base.
 */
final class Header {

    static final List<String> KEYS =
            List.of("revision", "revises", "message", "branch-labels", "depends-on", "transactional", "set",
                    "lint-ignore");

    /** The keys whose value is a comma-separated list. */
    private static final Set<String> LISTS = Set.of("revises", "branch-labels", "depends-on", "lint-ignore");

    private static final Pattern KEY_LINE = Pattern.compile("--\\s*([A-Za-z][A-Za-z0-9_-]*)\\s*:(.*)");

    private final String file;
    private final Map<String, String> values = new LinkedHashMap<>();
    private final Map<String, Integer> lines = new LinkedHashMap<>();

    Header(String file) {
        this.file = file;
    }

    /**
     * Takes one line that precedes the first section marker.
     *
     * @throws MigrationFileException for SQL before the sections, unknown or repeated keys
     */
    void accept(String line, int lineNumber) {
        String trimmed = line.strip();
        if (trimmed.isEmpty()) {
            return;
        }
        if (!trimmed.startsWith("--")) {
            throw new MigrationFileException(file, lineNumber,
                    "SQL before the first section marker; put statements below a '-- +upgrade' line");
        }
        Matcher matcher = KEY_LINE.matcher(trimmed);
        if (!matcher.matches()) {
            return; // a plain comment
        }
        String key = matcher.group(1).toLowerCase();
        if (!KEYS.contains(key)) {
            throw new MigrationFileException(file, lineNumber, "unknown header key '" + matcher.group(1)
                    + "'; the keys are " + String.join(", ", KEYS) + " (write other notes without a colon)");
        }
        String value = matcher.group(2).strip();
        if (values.putIfAbsent(key, value) != null) {
            throw new MigrationFileException(file, lineNumber, "header key '" + key + "' appears twice; keep one");
        }
        checkValue(key, value, lineNumber);
        lines.put(key, lineNumber);
    }

    /**
     * An empty value, or an empty item in a list, is a slip (a half-written {@code revises}), not a
     * choice: read as absent it would make a new base revision without a word.
     */
    private void checkValue(String key, String value, int lineNumber) {
        if (value.isEmpty() && !key.equals("message")) {
            throw new MigrationFileException(file, lineNumber, "header '" + key + "' has no value; give one, or"
                    + " remove the line" + (key.equals("revises") ? " if this revision is a base" : ""));
        }
        if (LISTS.contains(key) && Arrays.stream(value.split(",", -1)).anyMatch(item -> item.isBlank())) {
            throw new MigrationFileException(file, lineNumber, "header '" + key + "' has an empty item in '" + value
                    + "'; separate the revisions with single commas");
        }
    }

    Optional<String> value(String key) {
        return Optional.ofNullable(values.get(key)).filter(v -> !v.isEmpty());
    }

    List<String> list(String key) {
        return value(key).map(v -> Arrays.stream(v.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList())
                .orElse(List.of());
    }

    Set<String> set(String key) {
        return Set.copyOf(list(key));
    }

    /**
     * @return the {@code set} header's server settings
     * @throws MigrationFileException naming the line when a pair is not {@code name=value}
     */
    SessionSettings settings() {
        return value("set").map(text -> {
            int line = lines.getOrDefault("set", 1);
            try {
                return SessionSettings.parse(text, file, line);
            } catch (IllegalArgumentException e) {
                throw new MigrationFileException(file, line, "header 'set': " + e.getMessage());
            }
        }).orElse(SessionSettings.NONE);
    }

    /** @return the lint rules the {@code lint-ignore} header switches off */
    Suppressions suppressions() {
        return value("lint-ignore").map(v -> new Suppressions(set("lint-ignore"), lines.getOrDefault("lint-ignore", 1)))
                .orElse(Suppressions.NONE);
    }

    boolean transactional(int headerEndLine) {
        String value = value("transactional").orElse("true").toLowerCase();
        return switch (value) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new MigrationFileException(file, headerEndLine,
                    "header 'transactional' must be true or false, not '" + value + "'");
        };
    }
}
