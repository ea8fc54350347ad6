package dev.retort.cli.config;

import dev.retort.RetortBuilder;

import java.util.Arrays;
import java.util.List;

/**
 * One configuration value: its key in {@code retort.properties}, its environment variable, its
 * flag and its default. The single list of what can be configured; anything else in the
 * properties file is an error.
 */
public enum ConfigKey {

    /** The R2DBC URL. */
    URL("url", "RETORT_URL", "--url", ConfigKey.DEFAULT_URL),
    /** Overrides the URL's user. */
    USER("user", "RETORT_USER", "--user", null),
    /** Overrides the URL's password. */
    PASSWORD("password", "RETORT_PASSWORD", "--password", null),
    /** The migrations directory, relative to the working directory. */
    MIGRATIONS("migrations", "RETORT_MIGRATIONS", "--migrations", "migrations"),
    /** The schema of Retort's tables. */
    SCHEMA("schema", "RETORT_SCHEMA", "--schema", RetortBuilder.DEFAULT_SCHEMA),
    /** The prefix of Retort's table names. */
    TABLE_PREFIX("table-prefix", "RETORT_TABLE_PREFIX", "--table-prefix", RetortBuilder.DEFAULT_TABLE_PREFIX),
    /** How long a run waits for another run's lock. */
    LOCK_TIMEOUT("lock-timeout", "RETORT_LOCK_TIMEOUT", "--lock-timeout",
            RetortBuilder.DEFAULT_LOCK_TIMEOUT.toMinutes() + "m"),
    /** How long to keep retrying while the server is not reachable yet. */
    CONNECT_RETRY("connect-retry", "RETORT_CONNECT_RETRY", "--connect-retry", "0s"),
    /** An empty database to replay the migrations into, instead of a temporary one. */
    SHADOW_URL("shadow-url", "RETORT_SHADOW_URL", "--shadow-url", null),
    /** How long one try to connect may take until the server has answered. */
    CONNECT_TIMEOUT("connect-timeout", "RETORT_CONNECT_TIMEOUT", "--connect-timeout",
            RetortBuilder.DEFAULT_CONNECT_TIMEOUT.toSeconds() + "s"),
    /** How many more tries a revision gets after failing to take a lock in time. */
    LOCK_RETRIES("lock-retries", "RETORT_LOCK_RETRIES", "--lock-retries", "3"),
    /** Server settings every revision runs with: name=value pairs. */
    SET("set", "RETORT_SET", "--set", null);

    /** The URL used when none is configured: a local server's default database. */
    public static final String DEFAULT_URL = "r2dbc:postgresql://postgres@localhost:5432/postgres";

    private final String property;
    private final String environmentVariable;
    private final String flag;
    private final String defaultValue;

    ConfigKey(String property, String environmentVariable, String flag, String defaultValue) {
        this.property = property;
        this.environmentVariable = environmentVariable;
        this.flag = flag;
        this.defaultValue = defaultValue;
    }

    /** @return the key in {@code retort.properties} */
    public String property() {
        return property;
    }

    /** @return the environment variable */
    public String environmentVariable() {
        return environmentVariable;
    }

    /** @return the command-line flag */
    public String flag() {
        return flag;
    }

    /** @return the default, or {@code null} when there is none */
    public String defaultValue() {
        return defaultValue;
    }

    /** @return every properties-file key, in declaration order */
    public static List<String> properties() {
        return Arrays.stream(values()).map(ConfigKey::property).toList();
    }
}
