package dev.retort.cli.config;

import dev.retort.error.ErrorCode;
import dev.retort.error.RetortException;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * {@code retort.properties} in the working directory: the lowest-priority layer of configuration
 * above the defaults. Unknown keys are errors, because a misspelt {@code url} would otherwise
 * silently point a command at the default database.
 */
public final class PropertiesFile {

    /** The file's name; it is looked for in the working directory only. */
    public static final String NAME = "retort.properties";

    private PropertiesFile() {
    }

    /**
     * @param workingDirectory where to look for the file
     * @return its non-blank values; empty when there is no file
     * @throws RetortException {@link ErrorCode#INVALID_CONFIGURATION} naming unknown keys, or when unreadable
     */
    public static Map<ConfigKey, String> read(Path workingDirectory) {
        Path file = workingDirectory.resolve(NAME);
        Map<ConfigKey, String> values = new EnumMap<>(ConfigKey.class);
        if (!Files.isRegularFile(file)) {
            return values;
        }
        Properties properties = load(file);
        rejectUnknownKeys(file, properties);
        for (ConfigKey key : ConfigKey.values()) {
            String value = properties.getProperty(key.property());
            if (value != null && !value.isBlank()) {
                values.put(key, value.strip());
            }
        }
        return values;
    }

    private static Properties load(Path file) {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
            return properties;
        } catch (IOException | IllegalArgumentException e) {
            throw new RetortException(ErrorCode.INVALID_CONFIGURATION,
                    "Cannot read " + file + ": " + e.getMessage() + ". Fix or remove the file.", e);
        }
    }

    private static void rejectUnknownKeys(Path file, Properties properties) {
        List<String> unknown = properties.stringPropertyNames().stream()
                .filter(key -> !ConfigKey.properties().contains(key))
                .sorted()
                .toList();
        if (!unknown.isEmpty()) {
            throw new RetortException(ErrorCode.INVALID_CONFIGURATION, file + ": unknown key"
                    + (unknown.size() == 1 ? " '" + unknown.get(0) + "'" : "s '" + String.join("', '", unknown) + "'")
                    + ". The keys are " + String.join(", ", ConfigKey.properties()) + "; fix the spelling or remove"
                    + " the line.");
        }
    }
}
