package dev.retort.cli.config;

import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The options every command accepts, before or after the command's name ({@code INHERIT} scope:
 * picocli copies them into each subcommand, bound to these fields). Configuration values
 * stay {@code null} when not given, so that {@link SettingsResolver} can fall back to the
 * environment, then {@code retort.properties}, then the defaults.
 */
public final class GlobalOptions {

    @Option(scope = ScopeType.INHERIT, names = "--url", paramLabel = "URL",
            description = "URL of the database: r2dbc:postgresql://, postgres://, postgresql:// or jdbc:postgresql://"
                    + " (env RETORT_URL, then DATABASE_URL; default " + ConfigKey.DEFAULT_URL + ").")
    private String url;

    @Option(scope = ScopeType.INHERIT, names = "--user", paramLabel = "USER",
            description = "Database user (env RETORT_USER; default: the URL's).")
    private String user;

    @Option(scope = ScopeType.INHERIT, names = "--password", paramLabel = "PASSWORD",
            description = "Database password (env RETORT_PASSWORD, preferred: a flag shows in the process list).")
    private String password;

    @Option(scope = ScopeType.INHERIT, names = "--migrations", paramLabel = "DIR",
            description = "Directory of migration scripts (env RETORT_MIGRATIONS; default ./migrations).")
    private String migrations;

    @Option(scope = ScopeType.INHERIT, names = "--schema", paramLabel = "SCHEMA",
            description = "Schema of Retort's tables (env RETORT_SCHEMA; default public).")
    private String schema;

    @Option(scope = ScopeType.INHERIT, names = "--table-prefix", paramLabel = "PREFIX",
            description = "Prefix of Retort's tables (env RETORT_TABLE_PREFIX; default retort).")
    private String tablePrefix;

    @Option(scope = ScopeType.INHERIT, names = "--lock-timeout", paramLabel = "DURATION",
            description = "How long to wait for another run's lock, e.g. 30s, 10m "
                    + "(env RETORT_LOCK_TIMEOUT; default 10m).")
    private String lockTimeout;

    @Option(scope = ScopeType.INHERIT, names = "--connect-retry", paramLabel = "DURATION",
            description = "Keep retrying, with backoff, while the server is not reachable yet, e.g. 30s "
                    + "(env RETORT_CONNECT_RETRY; default 0s: fail at once).")
    private String connectRetry;

    @Option(scope = ScopeType.INHERIT, names = "--connect-timeout", paramLabel = "DURATION",
            description = "Give up on one try to connect when the server has not answered within this, e.g. 30s "
                    + "(env RETORT_CONNECT_TIMEOUT; default 10s).")
    private String connectTimeout;

    @Option(scope = ScopeType.INHERIT, names = "--lock-retries", paramLabel = "N",
            description = "Try a revision that could not take a lock in time (SQLSTATE 55P03) again, after 1 s, 2 s,"
                    + " 4 s ..., up to N times (env RETORT_LOCK_RETRIES; default 3).")
    private String lockRetries;

    @Option(scope = ScopeType.INHERIT, names = "--set", paramLabel = "NAME=VALUE",
            description = "A server setting every revision runs with, e.g. --set lock_timeout=5s; repeatable"
                    + " (env RETORT_SET: pairs separated by commas). A file's '-- set:' header adds to them.")
    private List<String> set;

    @Option(scope = ScopeType.INHERIT, names = "--shadow-url", paramLabel = "URL",
            description = "An empty database to replay the migrations into for schema, diff, check and roundtrip, left"
                    + " empty again (env RETORT_SHADOW_URL; default: a temporary database on the server, which needs"
                    + " CREATEDB).")
    private String shadowUrl;

    @Option(scope = ScopeType.INHERIT, names = "--schemas", paramLabel = "PATTERN",
            description = "A fleet: every schema of the database matching this SQL LIKE pattern (e.g. tenant_%%) is a"
                    + " tenant, with its own version table, migrated with search_path set to it, then public.")
    private String schemas;

    @Option(scope = ScopeType.INHERIT, names = "--tenants", paramLabel = "FILE",
            description = "A fleet: one tenant per line, an R2DBC URL or schema:NAME; # starts a comment.")
    private Path tenants;

    @Option(scope = ScopeType.INHERIT, names = "--parallel", paramLabel = "N",
            description = "Tenants migrated at once (default 4); each holds two connections.")
    private int parallel = 4;

    @Option(scope = ScopeType.INHERIT, names = "--canary", paramLabel = "N",
            description = "Migrate the first N tenants alone, one at a time; if one fails, start no other.")
    private int canary;

    @Option(scope = ScopeType.INHERIT, names = "--keep-going",
            description = "Migrate every tenant even after one failed (default: start no new one; running ones finish).")
    private boolean keepGoing;

    @Option(scope = ScopeType.INHERIT, names = "--json",
            description = "Machine output: one JSON document, or JSON lines for runs.")
    private boolean json;

    @Option(scope = ScopeType.INHERIT, names = {"-q", "--quiet"},
            description = "Print no progress; only results and errors.")
    private boolean quiet;

    @Option(scope = ScopeType.INHERIT, names = {"-v", "--verbose"},
            description = "More detail: revision details, each statement, stack traces on errors.")
    private boolean verbose;

    @Option(scope = ScopeType.INHERIT, names = "--no-color",
            description = "No colour, even on a terminal (so does the NO_COLOR variable).")
    private boolean noColor;

    /** @return the configuration values given as flags; keys not given are absent */
    public Map<ConfigKey, String> configFlags() {
        Map<ConfigKey, String> flags = new EnumMap<>(ConfigKey.class);
        putIfGiven(flags, ConfigKey.URL, url);
        putIfGiven(flags, ConfigKey.USER, user);
        putIfGiven(flags, ConfigKey.PASSWORD, password);
        putIfGiven(flags, ConfigKey.MIGRATIONS, migrations);
        putIfGiven(flags, ConfigKey.SCHEMA, schema);
        putIfGiven(flags, ConfigKey.TABLE_PREFIX, tablePrefix);
        putIfGiven(flags, ConfigKey.LOCK_TIMEOUT, lockTimeout);
        putIfGiven(flags, ConfigKey.CONNECT_RETRY, connectRetry);
        putIfGiven(flags, ConfigKey.CONNECT_TIMEOUT, connectTimeout);
        putIfGiven(flags, ConfigKey.SHADOW_URL, shadowUrl);
        putIfGiven(flags, ConfigKey.LOCK_RETRIES, lockRetries);
        putIfGiven(flags, ConfigKey.SET, set == null ? null : String.join(",", set));
        return flags;
    }

    private static void putIfGiven(Map<ConfigKey, String> flags, ConfigKey key, String value) {
        if (value != null) {
            flags.put(key, value);
        }
    }

    /**
     * @return the fleet options, when {@code --schemas} or {@code --tenants} was given
     */
    public Optional<FleetOptions> fleet() {
        if (schemas == null && tenants == null) {
            return Optional.empty();
        }
        return Optional.of(new FleetOptions(Optional.ofNullable(schemas), Optional.ofNullable(tenants), parallel, canary,
                keepGoing));
    }

    /**
     * How to run a fleet.
     *
     * @param schemas   the schema pattern, if given
     * @param tenants   the tenants file, if given
     * @param parallel  tenants at once
     * @param canary    tenants first, one at a time
     * @param keepGoing whether to go on after a failure
     */
    public record FleetOptions(Optional<String> schemas, Optional<Path> tenants, int parallel, int canary,
            boolean keepGoing) {
    }

    /** @return whether {@code --json} was given */
    public boolean json() {
        return json;
    }

    /** @return whether {@code -q} was given */
    public boolean quiet() {
        return quiet;
    }

    /** @return whether {@code --verbose} was given */
    public boolean verbose() {
        return verbose;
    }

    /** @return whether {@code --no-color} was given */
    public boolean noColor() {
        return noColor;
    }
}
