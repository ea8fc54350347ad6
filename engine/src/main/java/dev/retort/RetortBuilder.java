package dev.retort;

import dev.retort.error.ErrorCode;
import dev.retort.error.RetortException;
import dev.retort.internal.EngineSettings;
import dev.retort.internal.RunOptions;
import dev.retort.internal.catalog.ShadowChoice;
import dev.retort.internal.catalog.ShadowOptions;
import dev.retort.internal.history.TableNames;
import dev.retort.internal.r2dbc.Connections;
import dev.retort.internal.source.SessionSettings;
import dev.retort.spi.MigrationSource;
import io.r2dbc.spi.ConnectionFactory;
import io.r2dbc.spi.ConnectionFactoryOptions;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Configures a {@link Retort}. Defaults: schema {@code public}, table prefix {@code retort}
 * ({@code retort_version}, {@code retort_history}), lock timeout 10 minutes, no connect retry, a
 * connect timeout of 10 seconds. A builder is not thread-safe; the {@code Retort} it builds is
 * immutable.
 */
public final class RetortBuilder {

    /** The default schema for Retort's tables. */
    public static final String DEFAULT_SCHEMA = "public";
    /** The default table prefix. */
    public static final String DEFAULT_TABLE_PREFIX = "retort";
    /** The default time to wait for another run's lock. */
    public static final Duration DEFAULT_LOCK_TIMEOUT = Duration.ofMinutes(10);
    /** The default limit on one try to connect, until the server has answered the handshake. */
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Connections.DEFAULT_CONNECT_TIMEOUT;

    private final ConnectionFactory connectionFactory;
    private MigrationSource source;
    private String schema = DEFAULT_SCHEMA;
    private String tablePrefix = DEFAULT_TABLE_PREFIX;
    private Duration lockTimeout = DEFAULT_LOCK_TIMEOUT;
    private Duration connectRetry = Duration.ZERO;
    private Duration connectTimeout = DEFAULT_CONNECT_TIMEOUT;
    private Path manifests;
    private ShadowChoice shadow;
    /** How messages name the run's own session settings. */
    private static final String SETTINGS_ORIGIN = "the session settings";

    private SessionSettings sessionSettings = SessionSettings.NONE;
    private String migrationSearchPath;
    private int lockRetries = RunOptions.DEFAULT.lockRetries();
    private Duration firstRetryDelay = RunOptions.DEFAULT.firstRetryDelay();

    RetortBuilder(ConnectionFactory connectionFactory) {
        this.connectionFactory = Objects.requireNonNull(connectionFactory, "connectionFactory");
    }

    /**
     * @param source where the migration scripts are (required)
     * @return this builder
     */
    public RetortBuilder migrations(MigrationSource source) {
        this.source = Objects.requireNonNull(source, "source");
        return this;
    }

    /**
     * @param schema the schema holding Retort's tables; a plain identifier
     * @return this builder
     */
    public RetortBuilder schema(String schema) {
        this.schema = schema;
        return this;
    }

    /**
     * @param tablePrefix the prefix of Retort's table names; a plain identifier
     * @return this builder
     */
    public RetortBuilder tablePrefix(String tablePrefix) {
        this.tablePrefix = tablePrefix;
        return this;
    }

    /**
     * @param lockTimeout how long a run waits for another run's lock before failing
     * @return this builder
     */
    public RetortBuilder lockTimeout(Duration lockTimeout) {
        this.lockTimeout = nonNegative("lock timeout", lockTimeout);
        return this;
    }

    /**
     * How long to keep trying to connect, with backoff, while the server is not reachable yet or
     * still starting up (a container starting beside the application). Wrong credentials and a
     * missing database fail at once. Default: no retry.
     *
     * @param connectRetry the window, zero or positive
     * @return this builder
     */
    public RetortBuilder connectRetry(Duration connectRetry) {
        this.connectRetry = nonNegative("connect retry", connectRetry);
        return this;
    }

    /**
     * Server settings every revision runs with, e.g. {@code lock_timeout=5s} so that a revision
     * waiting behind a long transaction fails (and is retried, see {@link #lockRetries}) instead of
     * queueing every query behind it. Applied with {@code set_config(..., true)} (as {@code SET
     * LOCAL}) inside a revision's transaction, or for the session and reset afterwards in a
     * non-transactional one; a revision's own {@code -- set:} header adds to them and wins. A name
     * the server does not know or a value it refuses fails the run before anything runs.
     *
     * @param settings names and values, in the order to apply them; {@code postgresql.conf} syntax
     *                 for the values
     * @return this builder
     * @throws RetortException {@link ErrorCode#INVALID_CONFIGURATION} for a name that is not a
     *                         setting's name, or an empty value
     */
    public RetortBuilder sessionSettings(Map<String, String> settings) {
        return sessionSettings(() -> SessionSettings.of(settings, SETTINGS_ORIGIN));
    }

    /**
     * Like {@link #sessionSettings(Map)}, written as a file's {@code -- set:} header writes them.
     *
     * @param settings {@code name=value} pairs separated by commas, e.g. {@code lock_timeout=5s,
     *                 statement_timeout=10min}; single-quote a value holding commas; blank: none
     * @return this builder
     * @throws RetortException {@link ErrorCode#INVALID_CONFIGURATION} for a pair that is not
     *                         {@code name=value}
     */
    public RetortBuilder sessionSettings(String settings) {
        return sessionSettings(() -> settings.isBlank() ? SessionSettings.NONE
                : SessionSettings.parse(settings, SETTINGS_ORIGIN, 0));
    }

    private RetortBuilder sessionSettings(Supplier<SessionSettings> settings) {
        try {
            this.sessionSettings = settings.get();
        } catch (IllegalArgumentException e) {
            throw new RetortException(ErrorCode.INVALID_CONFIGURATION, "Session settings: " + e.getMessage());
        }
        return this;
    }

    /**
     * Runs every revision with {@code search_path} set to this schema, then {@code public}, so that
     * one set of unqualified migrations serves each tenant schema of a fleet
     * ({@link dev.retort.fleet.Tenants#schema}). An explicit {@code search_path} among the
     * {@link #sessionSettings session settings} wins.
     *
     * @param schema the schema unqualified names resolve to first
     * @return this builder
     */
    public RetortBuilder migrationSearchPath(String schema) {
        this.migrationSearchPath = Objects.requireNonNull(schema, "schema");
        return this;
    }

    /**
     * How many more tries a transactional revision gets after it failed because a lock was not
     * available in time (SQLSTATE 55P03, what {@code lock_timeout} raises): it is rolled back and
     * run again from its start after 1 s, 2 s, 4 s ... Each try is a
     * {@link dev.retort.event.RevisionRetried} event. Default: 3. A statement timeout is not retried.
     *
     * @param retries 0 or more
     * @return this builder
     */
    public RetortBuilder lockRetries(int retries) {
        if (retries < 0) {
            throw new RetortException(ErrorCode.INVALID_CONFIGURATION, "Lock retries must be 0 or more, not " + retries
                    + ".");
        }
        this.lockRetries = retries;
        return this;
    }

    /**
     * @param delay the wait before the first lock retry (each further one waits twice as long);
     *              default 1 second
     * @return this builder
     */
    public RetortBuilder firstLockRetryDelay(Duration delay) {
        this.firstRetryDelay = nonNegative("lock retry delay", delay);
        return this;
    }

    /**
     * How long one try to connect may take, until the server has answered the handshake: a server
     * that accepts the connection but never answers (an overloaded proxy, a firewall that drops
     * packets) then fails the run instead of holding it. Default: 10 seconds.
     *
     * @param connectTimeout the limit, positive
     * @return this builder
     */
    public RetortBuilder connectTimeout(Duration connectTimeout) {
        this.connectTimeout = nonNegative("connect timeout", connectTimeout);
        if (connectTimeout.isZero()) {
            throw new RetortException(ErrorCode.INVALID_CONFIGURATION, "The connect timeout must be positive, not 0.");
        }
        return this;
    }

    /**
     * Keeps a manifest of the migration files' headers, messages and checksums in this directory
     * (created if missing), with each file's size, inode, modification and change time. A later
     * process then reads only the files added or changed since: with none, it decides that nothing
     * is pending, and answers {@link Retort#revisions()} and {@link Retort#validate()}, without
     * reading a file (what every start of a command-line tool pays), and a run with work reads the
     * files of the steps it runs, not every file. The manifest is a cache: when it cannot be read
     * or written, the files are read. Only files whose every stamp is known qualify (a directory
     * source on a Unix file system). Default: none, so that a library writes no file its
     * application did not ask for.
     *
     * @param directory the directory, e.g. {@code ~/.cache/retort}
     * @return this builder
     */
    public RetortBuilder manifestDirectory(Path directory) {
        this.manifests = Objects.requireNonNull(directory, "directory");
        return this;
    }

    /**
     * Where the migrations are replayed to learn the schema they make ({@link Retort#schemaOf},
     * {@link Retort#drift()}, {@link Retort#roundtrip()}): a temporary database
     * {@code retort_shadow_<random>} that Retort creates on the same server and drops after each
     * use, also after an error or a cancellation. Needs a role with {@code CREATEDB}. A factory
     * that is an {@link io.r2dbc.spi.Closeable}, such as an r2dbc-pool {@code ConnectionPool}, is
     * closed after each use, before its database is dropped: a roundtrip opens connections for
     * every step, so a pool makes it several times faster.
     *
     * @param connectTo a connection factory for another database of the same server, by name
     * @return this builder
     */
    public RetortBuilder shadowDatabases(Function<String, ConnectionFactory> connectTo) {
        this.shadow = new ShadowChoice.Temporary(Objects.requireNonNull(connectTo, "connectTo"));
        return this;
    }

    /**
     * Replays the migrations into this database instead of a temporary one: for a role without
     * {@code CREATEDB}. It must be empty (else the call fails with
     * {@link ErrorCode#INVALID_CONFIGURATION} and nothing in it is touched), and is left empty
     * again after each use: its schemas are dropped and made again with their owners and grants.
     *
     * @param emptyDatabase the database's connection factory
     * @return this builder
     */
    public RetortBuilder shadowDatabase(ConnectionFactory emptyDatabase) {
        this.shadow = new ShadowChoice.Given(Objects.requireNonNull(emptyDatabase, "emptyDatabase"));
        return this;
    }

    /**
     * Like {@link #shadowDatabases(Function)}, for the server these options name: the same host,
     * port, user, password and options, another database. When r2dbc-pool is on the class path
     * (as in most R2DBC applications), the shadow's connections are pooled, which makes a
     * {@link Retort#roundtrip()} several times faster.
     *
     * @param options the options of the database being migrated
     * @return this builder
     */
    public RetortBuilder shadowDatabasesLike(ConnectionFactoryOptions options) {
        // Looked up when a shadow is made, on a worker thread: finding the driver reads jar files.
        return shadowDatabases(name -> ShadowOptions.connectTo(options, name));
    }

    private static Duration nonNegative(String what, Duration value) {
        if (value == null || value.isNegative()) {
            throw new RetortException(ErrorCode.INVALID_CONFIGURATION, "The " + what + " must be zero or positive, not "
                    + value + ".");
        }
        return value;
    }

    /**
     * @return the configured {@code Retort}
     * @throws RetortException when no migration source was set or a name is not a valid identifier
     */
    public Retort build() {
        if (source == null) {
            throw new RetortException(ErrorCode.INVALID_CONFIGURATION,
                    "No migration source: call migrations(MigrationSources.directory(...)) or .classpath(...).");
        }
        TableNames names = TableNames.of(schema, tablePrefix);
        return new Retort(new EngineSettings(new Connections(connectionFactory, connectRetry, connectTimeout), source,
                names, lockTimeout, Optional.ofNullable(manifests), Optional.ofNullable(shadow),
                new RunOptions(settingsWithSearchPath(), lockRetries, firstRetryDelay)));
    }

    private SessionSettings settingsWithSearchPath() {
        if (migrationSearchPath == null) {
            return sessionSettings;
        }
        String quoted = "\"" + migrationSearchPath.replace("\"", "\"\"") + "\"";
        SessionSettings path = SessionSettings.of(Map.of("search_path", quoted + ", public"), "the tenant's search path");
        return path.with(sessionSettings);
    }
}
