package dev.retort.micronaut;

import dev.retort.event.MigrationEvent;
import io.micronaut.context.BeanContext;
import io.micronaut.context.event.ApplicationEventPublisher;
import io.micronaut.inject.qualifiers.Qualifiers;
import io.r2dbc.spi.ConnectionFactory;
import io.r2dbc.spi.ConnectionFactoryOptions;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.Disposables;
import reactor.core.scheduler.Schedulers;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Runs each datasource's migration once, in its configured mode, and keeps them for the health
 * indicator, the filter and the endpoint.
 */
@Singleton
final class DatasourceMigrations {

    private static final Logger LOG = LoggerFactory.getLogger(DatasourceMigrations.class);

    private final Map<String, DatasourceMigration> migrations = new ConcurrentHashMap<>();
    private final Disposable.Composite running = Disposables.composite();
    private final ApplicationEventPublisher<RetortEvent> events;
    private final ClassLoader loader;
    private final BeanContext context;

    DatasourceMigrations(ApplicationEventPublisher<RetortEvent> events, BeanContext context) {
        this.events = events;
        this.loader = context.getClassLoader();
        this.context = context;
    }

    /**
     * Migrates a datasource unless it already was: in {@code startup} mode before returning
     * (throwing the engine's error if it fails), in {@code async} mode in the background.
     *
     * @param configuration the datasource's configuration
     * @param factory       its connection factory
     */
    void migrate(RetortDatasourceConfiguration configuration, ConnectionFactory factory) {
        // The datasource's options, when micronaut-r2dbc made them, let /retort replay into a shadow.
        Optional<ConnectionFactoryOptions> options = context.findBean(ConnectionFactoryOptions.class,
                Qualifiers.byName(configuration.getName()));
        DatasourceMigration migration = DatasourceMigration.of(configuration, factory, loader, options,
                context.findBean(EntitySchemaCheck.class));
        if (migrations.putIfAbsent(migration.datasource(), migration) != null) {
            return;
        }
        LOG.info("Migrating datasource '{}' from {} to {} ({} mode)", migration.datasource(),
                String.join(", ", configuration.getLocations()), configuration.getTarget(),
                configuration.getMode().name().toLowerCase(Locale.ROOT));
        switch (configuration.getMode()) {
            case STARTUP -> migrateNow(migration);
            case ASYNC -> migrateInBackground(migration);
        }
    }

    private void migrateNow(DatasourceMigration migration) {
        try {
            // The application's edge, where blocking is sanctioned. Taking the events here rather
            // than publishing from doOnNext keeps listeners on this thread, off the driver's event
            // loop, and lets a listener use beans whose creation is waiting for this migration.
            EventsOnCallingThread.forEach(migration.upgrade(), event -> publish(migration, event));
        } catch (RuntimeException e) {
            LOG.error("Migrating datasource '{}' failed; the application will not start. {}", migration.datasource(),
                    e.getMessage());
            LOG.debug("The failure's stack trace", e);
            throw withoutReactorFrames(e);
        }
    }

    /**
     * Micronaut prints a failed start-up's exception with every cause's stack trace. A Retort
     * error's frames are Reactor's and the driver's, a screenful that says nothing to the person
     * reading it, whose message already names the file, line and statement; so they are left out
     * (the debug log above keeps them).
     */
    private static RuntimeException withoutReactorFrames(RuntimeException failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            t.setStackTrace(new StackTraceElement[0]);
            for (Throwable suppressed : t.getSuppressed()) {
                suppressed.setStackTrace(new StackTraceElement[0]);
            }
        }
        return failure;
    }

    private void migrateInBackground(DatasourceMigration migration) {
        running.add(migration.upgrade()
                // Listeners may block: hand each event to a worker, in order, off the event loop.
                .publishOn(Schedulers.boundedElastic())
                .subscribe(event -> publish(migration, event), failure -> LOG.error(
                        "Migrating datasource '{}' failed; readiness stays DOWN. {}", migration.datasource(),
                        failure.getMessage(), failure)));
    }

    private void publish(DatasourceMigration migration, MigrationEvent event) {
        events.publishEvent(new RetortEvent(migration.datasource(), event));
    }

    /**
     * @return the migrations started so far, in no particular order
     */
    Collection<DatasourceMigration> all() {
        return List.copyOf(migrations.values());
    }

    /**
     * @return whether every datasource is migrated (also when none is configured)
     */
    boolean allMigrated() {
        return migrations.values().stream().allMatch(m -> m.status().state() == MigrationState.MIGRATED);
    }

    /**
     * @return whether some datasource's migration failed
     */
    boolean anyFailed() {
        return migrations.values().stream().anyMatch(m -> m.status().state() == MigrationState.FAILED);
    }

    /** Cancels background migrations still running: the engine rolls back and releases its lock. */
    @PreDestroy
    void cancelRunning() {
        running.dispose();
    }
}
