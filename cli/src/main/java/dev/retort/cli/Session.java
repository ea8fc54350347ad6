package dev.retort.cli;

import dev.retort.MigrationSources;
import dev.retort.Retort;
import dev.retort.RetortBuilder;
import dev.retort.Revisions;
import dev.retort.cli.config.ConfigKey;
import dev.retort.cli.config.Database;
import dev.retort.cli.config.GlobalOptions;
import dev.retort.cli.config.NestedScripts;
import dev.retort.cli.config.OfflineConnectionFactory;
import dev.retort.cli.config.Secrets;
import dev.retort.cli.config.Settings;
import dev.retort.cli.config.SettingsResolver;
import dev.retort.cli.output.Output;
import dev.retort.cli.output.Terminal;
import dev.retort.event.MigrationEvent;
import dev.retort.fleet.Fleet;
import dev.retort.fleet.Tenants;
import io.r2dbc.pool.ConnectionPool;
import io.r2dbc.pool.ConnectionPoolConfiguration;
import io.r2dbc.spi.ConnectionFactory;
import reactor.core.Exceptions;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Consumer;

/**
 * What a command works with: the settings, the output, and the engine. Everything is built on
 * first use, so a command that reads only the files never resolves a URL or loads the driver, and
 * one that fails on its arguments never reads {@code retort.properties}. This is the CLI's edge:
 * the only place that blocks on the engine's publishers.
 */
public final class Session {

    /** The environment variable naming the directory of the engine's manifests. */
    static final String CACHE_DIR = "RETORT_CACHE_DIR";

    private final GlobalOptions options;
    private final Map<String, String> environment;
    private final Path workingDirectory;
    private final Secrets secrets = new Secrets();
    private final Output output;
    private ConnectionPool tenantPool;
    private Settings settings;
    private Retort offline;
    private Retort online;
    private volatile CompletableFuture<?> running;

    Session(GlobalOptions options, Terminal terminal, Map<String, String> environment, Path workingDirectory) {
        this.options = options;
        this.environment = environment;
        this.workingDirectory = workingDirectory;
        // Known before any parsing can fail, so even an early error message is scrubbed.
        secrets.remember(options.configFlags().get(ConfigKey.PASSWORD), false);
        secrets.remember(environment.get(ConfigKey.PASSWORD.environmentVariable()), false);
        secrets.remember(options.configFlags().get(ConfigKey.URL), true);
        secrets.remember(environment.get(ConfigKey.URL.environmentVariable()), true);
        secrets.remember(options.configFlags().get(ConfigKey.SHADOW_URL), true);
        secrets.remember(environment.get(ConfigKey.SHADOW_URL.environmentVariable()), true);
        this.output = new Output(terminal, options, secrets);
    }

    /** @return the output every command prints through */
    public Output output() {
        return output;
    }

    /** @return the directory the command was started in */
    public Path workingDirectory() {
        return workingDirectory;
    }

    /**
     * @return the settings: flags, then environment, then {@code retort.properties}, then defaults
     * @throws dev.retort.error.RetortException for an unknown properties key or an invalid value
     */
    public Settings settings() {
        if (settings == null) {
            settings = new SettingsResolver(options.configFlags(), environment, workingDirectory).resolve();
            secrets.remember(settings.password(), false);
            secrets.remember(settings.url(), true);
            secrets.remember(settings.shadowUrl(), true);
        }
        return settings;
    }

    /** @return the passwords this command knows, to keep them out of every message */
    Secrets secrets() {
        return secrets;
    }

    /** @return the engine for commands that read only the files; it cannot connect */
    public Retort offline() {
        if (offline == null) {
            offline = retort(new OfflineConnectionFactory(), false);
        }
        return offline;
    }

    /** @return the engine for commands that read or change the database */
    public Retort online() {
        if (online == null) {
            online = retort(Database.connectionFactory(settings()), true);
            cancelOnShutdown();
        }
        return online;
    }

    /**
     * @return the fleet of {@code --schemas} or {@code --tenants}, if either was given; the schemas
     *     are listed now, on the configured database
     */
    public Optional<Fleet> fleet() {
        return options.fleet().map(fleet -> Fleet.of(fleet.schemas()
                        .map(pattern -> await(Tenants.schemas(tenantDatabase(), pattern, factory -> builder(factory, true))))
                        .orElseGet(() -> TenantsFile.read(fleet.tenants().orElseThrow(), this)))
                .parallel(fleet.parallel()).canary(fleet.canary()).keepGoing(fleet.keepGoing()));
    }

    /**
     * @return the configured database for its tenant schemas, pooled: each tenant's run takes two
     *     connections (one holds its lock) and gives them back for the next tenant, instead of
     *     opening two of its own
     */
    ConnectionFactory tenantDatabase() {
        if (tenantPool == null) {
            int parallel = options.fleet().map(GlobalOptions.FleetOptions::parallel).orElse(1);
            tenantPool = new ConnectionPool(ConnectionPoolConfiguration.builder(Database.connectionFactory(settings()))
                    .initialSize(0).maxSize(Math.max(2, 2 * parallel)).build());
        }
        return tenantPool;
    }

    /**
     * @param connectionFactory a database to migrate
     * @return a builder with this command's configuration, for a tenant of a fleet
     */
    RetortBuilder builder(ConnectionFactory connectionFactory) {
        return builder(connectionFactory, true);
    }

    private Retort retort(ConnectionFactory connectionFactory, boolean connected) {
        return builder(connectionFactory, connected).build();
    }

    private RetortBuilder builder(ConnectionFactory connectionFactory, boolean connected) {
        RetortBuilder builder = Retort.builder(connectionFactory)
                .migrations(MigrationSources.directory(relativeIfInside(settings().migrations())))
                .schema(settings().schema())
                .tablePrefix(settings().tablePrefix())
                .lockTimeout(settings().lockTimeout())
                .connectRetry(settings().connectRetry())
                .connectTimeout(settings().connectTimeout())
                .lockRetries(settings().lockRetries());
        if (settings().sessionSettings() != null) {
            builder.sessionSettings(settings().sessionSettings());
        }
        manifestDirectory().ifPresent(builder::manifestDirectory);
        if (connected) {
            if (settings().shadowUrl() != null) {
                builder.shadowDatabase(Database.shadowFactory(settings()));
            } else {
                // r2dbc-pool is on the class path, so the shadow's connections are pooled.
                builder.shadowDatabasesLike(Database.options(settings()));
            }
        }
        return builder;
    }

    /**
     * Only the files directly in the migrations directory are read; before a run, say so when
     * others lie deeper (a listing of the directory, so not on every command's start).
     */
    public void warnAboutNestedScripts() {
        List<String> nested = NestedScripts.subdirectoriesHoldingScripts(settings().migrations());
        if (!nested.isEmpty()) {
            output.warning(String.join(", ", nested) + (nested.size() == 1 ? " holds" : " hold") + " .sql files that"
                    + " Retort does not read: only the files directly in " + relativeIfInside(settings().migrations())
                    + "/ are migrations. Move them up, or elsewhere if they are not migrations.");
        }
    }

    /**
     * Where the engine keeps the manifest of the migration files between runs, so that a run with
     * unchanged files and nothing pending does not read them: {@value #CACHE_DIR} if set (empty:
     * nowhere), else {@code retort} in the user's cache directory ({@code XDG_CACHE_HOME}, else
     * {@code ~/.cache}).
     */
    private Optional<Path> manifestDirectory() {
        String configured = environment.get(CACHE_DIR);
        if (configured != null) {
            return configured.isEmpty() ? Optional.empty() : Optional.of(Path.of(configured));
        }
        String xdg = environment.getOrDefault("XDG_CACHE_HOME", "");
        if (Path.of(xdg).isAbsolute()) {
            return Optional.of(Path.of(xdg, "retort"));
        }
        String home = environment.getOrDefault("HOME", "");
        return Path.of(home).isAbsolute() ? Optional.of(Path.of(home, ".cache", "retort")) : Optional.empty();
    }

    /**
     * @param path an absolute path
     * @return it relative to the working directory when inside it, so messages say {@code migrations/x.sql:3}
     */
    public Path relativeIfInside(Path path) {
        return path.startsWith(workingDirectory) ? workingDirectory.relativize(path) : path;
    }

    /** @return the migration files' revision graph, read and validated without connecting */
    public Revisions revisions() {
        return await(offline().revisions());
    }

    /**
     * @param publisher a cold engine publisher
     * @param <T>       its value type
     * @return its value, after subscribing and waiting on this (the main) thread
     */
    public <T> T await(Mono<T> publisher) {
        CompletableFuture<T> future = publisher.toFuture();
        running = future;
        try {
            return future.join();
        } catch (CompletionException e) {
            throw Exceptions.propagate(e.getCause());
        } finally {
            running = null;
        }
    }

    /**
     * On SIGTERM or Ctrl-C, cancels what is running and waits for the shadow databases it created
     * to be dropped, so that an interrupted {@code diff}, {@code check} or {@code roundtrip}
     * leaves none behind. (SIGKILL cannot be caught: a {@code retort_shadow_*} database it
     * leaves is dropped by hand.)
     */
    private void cancelOnShutdown() {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            CompletableFuture<?> now = running;
            if (now != null) {
                now.cancel(true);
                Database.awaitShadowDrops();
            }
        }, "retort-shutdown"));
    }

    /**
     * Runs a migration, handing each event to the output as it arrives, on this thread.
     *
     * @param events the run; subscribed here
     */
    public void run(Flux<MigrationEvent> events) {
        forEach(events, output.runListener());
    }

    /**
     * @param publisher a cold engine publisher; subscribed here
     * @param action    what to do with each element, on this (the main) thread, as it arrives
     * @param <T>       the element type
     */
    public <T> void forEach(Flux<T> publisher, Consumer<? super T> action) {
        publisher.toIterable().forEach(action);
    }

    /** @return where the online engine connects, password masked, for error messages */
    public String connectionDescription() {
        return Database.describe(settings());
    }
}
