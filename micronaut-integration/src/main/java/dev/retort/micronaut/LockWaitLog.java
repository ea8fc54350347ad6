package dev.retort.micronaut;

import dev.retort.event.LockAcquired;
import dev.retort.event.MigrationEvent;
import dev.retort.event.RunCompleted;
import dev.retort.event.RunPlanned;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Duration;

/**
 * Says when a migration waits for another instance's lock, and for how long it waited, which
 * nothing else would show: a run that has neither taken the lock nor found nothing to do a second
 * after it started is waiting for the lock (or, less often, for the database to answer).
 */
final class LockWaitLog {

    private static final Logger LOG = LoggerFactory.getLogger(LockWaitLog.class);
    /** Longer than taking a free lock ever takes; short enough that a person watching the log sees why it stopped. */
    private static final Duration NOTICE = Duration.ofSeconds(1);

    private final String datasource;
    private final Duration lockTimeout;
    private Disposable notice = () -> { };

    LockWaitLog(String datasource, Duration lockTimeout) {
        this.datasource = datasource;
        this.lockTimeout = lockTimeout;
    }

    /**
     * @param run a run's events
     * @return the same events, logging the wait for the lock
     */
    Flux<MigrationEvent> around(Flux<MigrationEvent> run) {
        return run.doOnSubscribe(s -> notice = Mono.delay(NOTICE).subscribe(tick -> LOG.info("Datasource '{}':"
                        + " waiting for the migration lock, which another instance holds while it migrates, or for"
                        + " the database to answer (up to lock-timeout, {} s)", datasource, lockTimeout.toSeconds())))
                .doOnNext(this::onEvent)
                .doFinally(signal -> notice.dispose());
    }

    private void onEvent(MigrationEvent event) {
        if (event instanceof LockAcquired acquired) {
            notice.dispose();
            if (acquired.waited().compareTo(NOTICE) >= 0) {
                LOG.info("Datasource '{}': took the migration lock after waiting {} ms for another instance",
                        datasource, acquired.waited().toMillis());
            }
        } else if (event instanceof RunCompleted || event instanceof RunPlanned planned && planned.revisions().isEmpty()) {
            // Nothing to do: the run ends without the lock.
            notice.dispose();
        }
    }
}
