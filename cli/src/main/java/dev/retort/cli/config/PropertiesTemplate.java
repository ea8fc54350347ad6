package dev.retort.cli.config;

import dev.retort.RetortBuilder;

import java.nio.file.Path;

/**
 * The commented {@code retort.properties} that {@code init} writes: every key, with the values
 * the command ran with where they differ from the defaults, and never a password.
 */
public final class PropertiesTemplate {

    private PropertiesTemplate() {
    }

    /**
     * @param settings         the settings {@code init} ran with
     * @param migrationsShown  the migrations directory as it should be written (relative when possible)
     * @return the file's text
     */
    public static String render(Settings settings, Path migrationsShown) {
        return String.join("\n",
                "# Retort configuration, read from the directory retort runs in.",
                "# A command-line flag wins over an environment variable, which wins over this file.",
                "# Unknown keys are an error, so that a misspelt key cannot silently fall back to a default.",
                "",
                "# The database, as an R2DBC URL (env RETORT_URL).",
                ConfigKey.URL.property() + "=" + Secrets.withoutPassword(settings.url()),
                "",
                "# The user, overriding the URL's (env RETORT_USER).",
                optional(ConfigKey.USER, settings.user()),
                "",
                "# Keep the password out of this file: set RETORT_PASSWORD in the environment instead.",
                "#" + ConfigKey.PASSWORD.property() + "=",
                "",
                "# The directory of migration scripts, relative to this file (env RETORT_MIGRATIONS).",
                ConfigKey.MIGRATIONS.property() + "=" + migrationsShown.toString().replace('\\', '/'),
                "",
                "# The schema and name prefix of Retort's tables, <prefix>_version and <prefix>_history",
                "# (env RETORT_SCHEMA, RETORT_TABLE_PREFIX).",
                optional(ConfigKey.SCHEMA, settings.schema()),
                optional(ConfigKey.TABLE_PREFIX, settings.tablePrefix()),
                "",
                "# How long a run waits for another run's migration lock: 30s, 10m, 1h (env RETORT_LOCK_TIMEOUT).",
                optional(ConfigKey.LOCK_TIMEOUT, settings.lockTimeout().equals(RetortBuilder.DEFAULT_LOCK_TIMEOUT)
                        ? null : settings.lockTimeout().toString()),
                "",
                "# How long to keep retrying while the server is not reachable yet, e.g. while a container",
                "# starts: 30s, 2m (env RETORT_CONNECT_RETRY; default 0s, fail at once).",
                optional(ConfigKey.CONNECT_RETRY, settings.connectRetry().isZero() ? null
                        : settings.connectRetry().toString()),
                "",
                "# How long one try to connect may take until the server answers: a server that accepts",
                "# the connection but never answers then fails the run (env RETORT_CONNECT_TIMEOUT; default 10s).",
                optional(ConfigKey.CONNECT_TIMEOUT,
                        settings.connectTimeout().equals(RetortBuilder.DEFAULT_CONNECT_TIMEOUT) ? null
                                : settings.connectTimeout().toString()),
                "",
                "# An empty database that schema, diff, check and roundtrip replay the migrations into, left",
                "# empty again (env RETORT_SHADOW_URL). By default a temporary database is created on the",
                "# server and dropped, which needs a role with CREATEDB.",
                "#" + ConfigKey.SHADOW_URL.property() + "=",
                "",
                "# Server settings every revision runs with, e.g. lock_timeout=5s, statement_timeout=10min, so",
                "# that a revision waiting behind a long transaction fails instead of blocking every query behind",
                "# it (env RETORT_SET; a file's '-- set:' header adds to them).",
                optional(ConfigKey.SET, settings.sessionSettings()),
                "",
                "# How many more tries a revision gets after it could not take a lock in time (SQLSTATE 55P03),",
                "# after 1 s, 2 s, 4 s ... (env RETORT_LOCK_RETRIES).",
                optional(ConfigKey.LOCK_RETRIES, String.valueOf(settings.lockRetries())),
                "");
    }

    /** A key set to its value, or commented out showing its default when the value is the default. */
    private static String optional(ConfigKey key, String value) {
        String defaultValue = key.defaultValue() == null ? "" : key.defaultValue();
        return value == null || value.equals(defaultValue) ? "#" + key.property() + "=" + defaultValue
                : key.property() + "=" + value;
    }
}
