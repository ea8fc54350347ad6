package dev.retort.micronaut;

import dev.retort.event.RevisionApplied;
import dev.retort.event.RevisionRetried;
import dev.retort.event.RunCompleted;
import io.micronaut.context.event.ApplicationEventListener;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.TreeSet;

/**
 * Logs each applied revision and each completed run: the module reads the same events it
 * publishes to applications.
 */
@Singleton
final class MigrationLogger implements ApplicationEventListener<RetortEvent> {

    private static final Logger LOG = LoggerFactory.getLogger(MigrationLogger.class);

    @Override
    public void onApplicationEvent(RetortEvent event) {
        if (event.event() instanceof RevisionApplied applied) {
            LOG.info("Datasource '{}': {} {} in {} ms", event.datasource(), applied.operation().label(),
                    applied.revision(), applied.duration().toMillis());
        } else if (event.event() instanceof RevisionRetried retried) {
            LOG.warn("Datasource '{}': {} could not take a lock in time ({}); trying again in {} ms ({} of {})",
                    event.datasource(), retried.revision(), retried.reason(), retried.delay().toMillis(), retried.retry(),
                    retried.retries());
        } else if (event.event() instanceof RunCompleted completed) {
            LOG.info("Datasource '{}' is at {}: {} revision(s) applied in {} ms", event.datasource(),
                    new TreeSet<>(completed.heads()), completed.applied(), completed.duration().toMillis());
        }
    }
}
