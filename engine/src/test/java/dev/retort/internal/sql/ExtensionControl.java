package dev.retort.internal.sql;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The parts of an extension's {@code .control} file that decide how {@code CREATE EXTENSION}
 * rewrites and runs its scripts.
 *
 * @param name            the extension's name
 * @param modulePathname  the value substituted for {@code MODULE_PATHNAME}, or {@code null} when unset
 * @param relocatable     whether the extension is relocatable; only non-relocatable scripts get
 *                        {@code @extschema@} substituted
 * @param schema          the fixed schema the extension must live in, or {@code null}
 * @param requires        the extensions that must be installed first
 */
record ExtensionControl(String name, String modulePathname, boolean relocatable, String schema, List<String> requires) {

    /** {@code key = value} or {@code key = 'value'} with {@code ''} for a quote; {@code #} starts a comment. */
    private static final Pattern SETTING = Pattern.compile("^\\s*(\\w+)\\s*=?\\s*('((?:[^']|'')*)'|[^\\s#]+)");

    /**
     * Reads {@code <name>.control} from the extension directory.
     *
     * @param directory the {@code share/extension} directory
     * @param name      the extension's name
     * @return the settings that matter here
     */
    static ExtensionControl read(Path directory, String name) {
        Map<String, String> settings = settings(directory.resolve(name + ".control"));
        String requires = settings.getOrDefault("requires", "");
        return new ExtensionControl(name, settings.get("module_pathname"),
                Boolean.parseBoolean(settings.getOrDefault("relocatable", "false")), settings.get("schema"),
                requires.isBlank() ? List.of() : Arrays.stream(requires.split(",")).map(String::trim).toList());
    }

    private static Map<String, String> settings(Path file) {
        Map<String, String> settings = new HashMap<>();
        for (String line : lines(file)) {
            Matcher matcher = SETTING.matcher(line);
            if (matcher.find()) {
                String quoted = matcher.group(3);
                settings.put(matcher.group(1), quoted != null ? quoted.replace("''", "'") : matcher.group(2));
            }
        }
        return settings;
    }

    private static List<String> lines(Path file) {
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}
