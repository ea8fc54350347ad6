package dev.retort;

import dev.retort.error.ErrorCode;
import dev.retort.error.RetortException;
import dev.retort.internal.EngineSettings;
import dev.retort.internal.catalog.ShadowChoice;
import dev.retort.internal.history.TableNames;
import dev.retort.internal.r2dbc.Connections;
import dev.retort.spi.MigrationSource;
import io.r2dbc.spi.ConnectionFactories;
import io.r2dbc.spi.ConnectionFactory;
import io.r2dbc.spi.ConnectionFactoryOptions;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

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
     * use, also after an error or a cancellation. Needs a role with {@code CREATEDB}.
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
     * port, user, password and options, another database.
     *
     * @param options the options of the database being migrated
     * @return this builder
     */
    public RetortBuilder shadowDatabasesLike(ConnectionFactoryOptions options) {
        // Looked up when a shadow is made, on a worker thread: finding the driver reads jar files.
        return shadowDatabases(name -> ConnectionFactories.get(options.mutate()
                .option(ConnectionFactoryOptions.DATABASE, name).build()));
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
                names, lockTimeout, Optional.ofNullable(manifests), Optional.ofNullable(shadow)));
    }
}
