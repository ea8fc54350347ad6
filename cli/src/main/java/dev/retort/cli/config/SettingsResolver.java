package dev.retort.cli.config;

import dev.retort.DatabaseUrls;
import dev.retort.error.ErrorCode;
import dev.retort.error.RetortException;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Layers the configuration: a flag wins over the environment, which wins over
 * {@code retort.properties} in the working directory, which wins over the defaults. Blank values
 * count as not given, so {@code RETORT_URL=} in a CI file does not mean an empty URL. The URL may
 * also come from {@code DATABASE_URL}, after {@code RETORT_URL}, and be in any form
 * {@link DatabaseUrls} converts.
 */
public final class SettingsResolver {

    /** Where Heroku, Render and many Alembic setups put the database's URL. */
    static final String DATABASE_URL = "DATABASE_URL";

    private final Map<ConfigKey, String> flags;
    private final Map<String, String> environment;
    private final Path workingDirectory;

    /**
     * @param flags            the configuration flags given on the command line
     * @param environment      the process environment
     * @param workingDirectory where {@code retort.properties} is, and what relative paths are relative to
     */
    public SettingsResolver(Map<ConfigKey, String> flags, Map<String, String> environment, Path workingDirectory) {
        this.flags = flags;
        this.environment = environment;
        this.workingDirectory = workingDirectory;
    }

    /**
     * @return the settings
     * @throws dev.retort.error.RetortException for an unknown properties key or an invalid value
     */
    public Settings resolve() {
        Map<ConfigKey, String> file = PropertiesFile.read(workingDirectory);
        return new Settings(url(ConfigKey.URL, file), text(ConfigKey.USER, file), text(ConfigKey.PASSWORD, file),
                workingDirectory.resolve(text(ConfigKey.MIGRATIONS, file)).normalize(),
                text(ConfigKey.SCHEMA, file), text(ConfigKey.TABLE_PREFIX, file),
                duration(ConfigKey.LOCK_TIMEOUT, "lock timeout", file),
                duration(ConfigKey.CONNECT_RETRY, "connect retry", file),
                duration(ConfigKey.CONNECT_TIMEOUT, "connect timeout", file), url(ConfigKey.SHADOW_URL, file),
                count(ConfigKey.LOCK_RETRIES, "lock retries", file), text(ConfigKey.SET, file));
    }

    private int count(ConfigKey key, String what, Map<ConfigKey, String> file) {
        Value value = lookup(key, file);
        try {
            int count = Integer.parseInt(value.text().strip());
            if (count >= 0) {
                return count;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new RetortException(ErrorCode.INVALID_CONFIGURATION, "The " + what + " '" + value.text() + "' (from "
                + value.origin() + ") is not a count: write 0 or a positive whole number.");
    }

    private String url(ConfigKey key, Map<ConfigKey, String> file) {
        Value value = lookup(key, file);
        if (value.text() == null) {
            return null;
        }
        try {
            return DatabaseUrls.toR2dbc(value.text());
        } catch (IllegalArgumentException e) {
            throw new RetortException(ErrorCode.INVALID_CONFIGURATION, "The URL from " + value.origin() + " is not usable. "
                    + e.getMessage());
        }
    }

    private Duration duration(ConfigKey key, String what, Map<ConfigKey, String> file) {
        Value value = lookup(key, file);
        return Durations.parse(value.text(), what, value.origin());
    }

    private String text(ConfigKey key, Map<ConfigKey, String> file) {
        return lookup(key, file).text();
    }

    private Value lookup(ConfigKey key, Map<ConfigKey, String> file) {
        return Stream.of(
                        new Value(flags.get(key), key.flag()),
                        new Value(environment.get(key.environmentVariable()), key.environmentVariable()),
                        new Value(key == ConfigKey.URL ? environment.get(DATABASE_URL) : null, DATABASE_URL),
                        new Value(file.get(key), PropertiesFile.NAME),
                        new Value(key.defaultValue(), "the default"))
                .filter(Value::isGiven)
                .findFirst()
                .orElse(new Value(null, "nowhere"));
    }

    /** A configuration value and where it came from, for error messages. */
    private record Value(String text, String origin) {

        boolean isGiven() {
            return text != null && !text.isBlank();
        }
    }
}
