package dev.retort.internal.execute;

import dev.retort.error.ErrorCode;
import dev.retort.error.RetortException;
import dev.retort.event.MigrationEvent;
import dev.retort.event.RevisionApplied;
import dev.retort.event.RevisionStarted;
import dev.retort.event.StatementExecuted;
import dev.retort.internal.execute.StatementBatch.Added;
import dev.retort.internal.execute.StatementBatch.Migration;
import dev.retort.internal.execute.StatementBatch.Part;
import dev.retort.internal.history.HistorySql;
import dev.retort.internal.history.ServerCheck;
import dev.retort.internal.lock.AdvisoryLock;
import io.r2dbc.spi.Connection;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Runs one prepared step on the run's work connection.
 *
 * <p>A transactional step is one query string, so one round trip, for most revisions:
 * {@code BEGIN}, its statements, the statement that moves the version rows and appends the history
 * row, a check that the run still holds its lock, and {@code COMMIT}. The bookkeeping and the lock
 * check fail inside the transaction when they do not hold ({@link ServerCheck}), so the
 * {@code COMMIT} then never runs. A section larger than one batch ({@link StatementBatch#MAX_CHARS})
 * takes a round trip per batch, all in the same transaction.
 *
 * <p>Consecutive revisions of that kind are pipelined: the next one is sent while the current one
 * still runs on the server ({@link SentBatch}), so the server never waits a client round trip
 * between them. The one sent ahead first checks that the one before it committed. If that one
 * failed, its transaction block is left aborted and the server refuses the whole query behind it;
 * if its {@code COMMIT} failed, the check fails. Either way nothing of the revision sent ahead
 * remains, and the run reports the first failure.
 *
 * <p>A non-transactional step first records a provisional failed history row (so a crash midway
 * leaves the database marked dirty), runs its statements one by one in autocommit, then records the
 * version change and success in a transaction, after checking the lock.
 */
final class StepRunner {

    private static final Added BEGIN = new Added("BEGIN", "BEGIN");
    private static final Added COMMIT = new Added("COMMIT", "COMMIT");

    private final StepSql sql;

    StepRunner(StepSql sql) {
        this.sql = sql;
    }

    /**
     * Runs the plan's steps in order.
     *
     * @param steps the plan's steps, prepared
     * @param held  the run's connections and lock
     * @return the steps' events
     */
    Flux<MigrationEvent> runAll(List<PreparedStep> steps, RunSession.Session held) {
        return Flux.defer(() -> {
            Ahead ahead = new Ahead();
            return Flux.range(0, steps.size()).concatMap(i -> run(steps, i, held, ahead));
        });
    }

    private Flux<MigrationEvent> run(List<PreparedStep> steps, int i, RunSession.Session held, Ahead ahead) {
        PreparedStep step = steps.get(i);
        return Flux.defer(() -> {
            long started = System.nanoTime();
            Flux<MigrationEvent> work = step.script().transactional()
                    ? pipelined(steps, i, held, ahead, started).orElseGet(() -> transactional(step, held))
                    : nonTransactional(step, started, held);
            return Flux.<MigrationEvent>just(new RevisionStarted(step.revision(), step.operation(),
                            step.script().message(), i + 1, steps.size()))
                    .concatWith(work)
                    .concatWith(Mono.fromSupplier(() -> new RevisionApplied(step.revision(), step.operation(),
                            Duration.ofNanos(System.nanoTime() - started))));
        });
    }

    /**
     * Step {@code i} as one batch already sent, or sent now, and the step after it sent behind it;
     * empty when step {@code i} does not fit one batch or the driver refuses it.
     */
    private Optional<Flux<MigrationEvent>> pipelined(List<PreparedStep> steps, int i, RunSession.Session held,
            Ahead ahead, long turn) {
        PreparedStep step = steps.get(i);
        Optional<SentBatch> sent = ahead.take(i).or(() -> sendOneBatch(step, null, held));
        sent.ifPresent(current -> {
            if (i + 1 < steps.size() && steps.get(i + 1).script().transactional()) {
                sendOneBatch(steps.get(i + 1), step, held).ifPresent(next -> ahead.put(i + 1, next));
            }
        });
        return sent.map(current -> received(step, current, turn, held, ahead));
    }

    /**
     * @param step     a transactional step
     * @param previous the step it is sent behind, whose commit it checks first; {@code null} if none
     * @return its whole transaction, sent as one batch; empty when it does not fit one or the driver
     *     refuses it (nothing was sent)
     */
    private Optional<SentBatch> sendOneBatch(PreparedStep step, PreparedStep previous, RunSession.Session held) {
        return oneBatch(step, previous, held).flatMap(batch -> SentBatch.send(held.work(), batch));
    }

    /** @return the step's whole transaction as one batch, when its section is in memory and fits one */
    private Optional<StatementBatch> oneBatch(PreparedStep step, PreparedStep previous, RunSession.Session held) {
        // A longer section would be split here only to be found too long.
        if (!step.section().fitsIn(StatementBatch.MAX_CHARS)) {
            return Optional.empty();
        }
        List<Part> parts = new ArrayList<>();
        parts.add(BEGIN);
        if (previous != null) {
            parts.add(new Added(sql.committed(previous), "checking that revision " + previous.revision() + " committed"));
        }
        step.section().statementList(step.script().location()).forEach(statement -> parts.add(new Migration(statement)));
        parts.addAll(ending(step, held));
        StatementBatch batch = StatementBatch.of(parts);
        return batch.sql().length() < StatementBatch.MAX_CHARS ? Optional.of(batch) : Optional.empty();
    }

    /**
     * Reports a sent batch's statements once it has come back. On failure, waits for the batch
     * sent behind it (the server refuses it) before rolling back, so that the rollback reaches the
     * transaction that failed and the driver knows the connection's state.
     */
    private Flux<MigrationEvent> received(PreparedStep step, SentBatch sent, long turn, RunSession.Session held,
            Ahead ahead) {
        return sent.outcome().flatMapMany(outcome -> {
            // A batch sent ahead starts on the server when the one before it ends, about when this turn began.
            Progress progress = new Progress(Math.max(sent.sentAt(), turn));
            List<MigrationEvent> events = new ArrayList<>();
            for (SentBatch.Arrival arrival : outcome.arrivals()) {
                progress.next(step, sent.batch(), arrival.rows(), arrival.at()).ifPresent(events::add);
            }
            if (outcome.error() == null) {
                return Flux.fromIterable(events);
            }
            Throwable failure = failure(outcome.error(), step, sent.batch(), outcome.arrivals().size(), held.lock());
            return Flux.fromIterable(events)
                    .concatWith(ahead.settled().then(Connections.rollback(held.work())).then(Mono.error(failure)));
        });
    }

    /** @return what follows a transactional step's statements: its bookkeeping, the lock check, {@code COMMIT} */
    private List<Added> ending(PreparedStep step, RunSession.Session held) {
        return List.of(new Added(sql.recordedOrFail(step), "recording the revision"),
                new Added(held.lockHeldCheck(), "checking the lock"), COMMIT);
    }

    private Flux<MigrationEvent> transactional(PreparedStep step, RunSession.Session held) {
        Flux<Part> parts = Flux.concat(Mono.just(BEGIN), step.statements().map(Migration::new),
                Flux.defer(() -> Flux.fromIterable(ending(step, held))));
        return StatementBatch.of(parts)
                .concatMap(batch -> execute(held, step, batch), 1)
                .onErrorResume(error -> Connections.rollback(held.work()).then(Mono.error(error)));
    }

    private Flux<MigrationEvent> nonTransactional(PreparedStep step, long started, RunSession.Session held) {
        Connection connection = held.work();
        Mono<Long> markStarted = Connections.execute(connection, sql.started(step))
                .onErrorMap(ErrorTranslation::general);
        Flux<MigrationEvent> finish = Connections.inTransaction(connection,
                Mono.defer(() -> Mono.when(record(connection, step, elapsedMs(started)), held.lockHeld()))
                        .thenMany(Flux.empty()));
        Flux<MigrationEvent> statements = step.statements()
                .concatMap(statement -> execute(held, step, StatementBatch.of(List.of(new Migration(statement)))), 1);
        return markStarted.thenMany(statements).concatWith(finish);
    }

    /**
     * Sends a batch and reports each of the migration's statements as its result arrives; a
     * statement's duration is the time since the previous statement's result (or since the batch
     * was sent). The server sends a batch's results together at its end, so the first statement
     * carries the batch's time.
     */
    private Flux<MigrationEvent> execute(RunSession.Session held, PreparedStep step, StatementBatch batch) {
        return Flux.defer(() -> {
            Progress progress = new Progress(System.nanoTime());
            return Connections.rowsPerStatement(held.work(), batch.sql())
                    .concatMap(rows -> Mono.justOrEmpty(progress.next(step, batch, rows, System.nanoTime())))
                    .onErrorResume(error -> progress.completed == 0 && batch.parts().size() > 1
                            && ErrorTranslation.isDriverRejection(error), error -> oneByOne(held, step, batch))
                    .onErrorMap(error -> failure(error, step, batch, progress.completed, held.lock()));
        });
    }

    /**
     * The driver refused the batch before sending it (its client-side SQL parser disagreed with
     * the server's grammar): nothing ran, so its statements go one by one, and the one refused is
     * named exactly.
     */
    private Flux<MigrationEvent> oneByOne(RunSession.Session held, PreparedStep step, StatementBatch batch) {
        return Flux.fromIterable(batch.parts()).concatMap(part -> execute(held, step, StatementBatch.of(List.of(part))), 1);
    }

    private static Throwable failure(Throwable error, PreparedStep step, StatementBatch batch, int completed,
            AdvisoryLock lock) {
        if (ServerCheck.failed(error, HistorySql.VERSION_TABLE_CHANGED)) {
            return concurrentChange(step, error);
        }
        if (ServerCheck.failed(error, AdvisoryLock.LOCK_LOST)) {
            return lock.lost(error);
        }
        return ErrorTranslation.statementFailed(error, step.revision(), step.script().location(), batch, completed,
                !step.script().transactional());
    }

    /** The non-transactional step's bookkeeping updates one row only if the version table held what the plan expected. */
    private Mono<Void> record(Connection connection, PreparedStep step, long durationMs) {
        return Connections.execute(connection, sql.completed(step, durationMs))
                .onErrorMap(ErrorTranslation::general)
                .flatMap(rows -> rows == 1 ? Mono.<Void>empty() : Mono.error(concurrentChange(step, null)));
    }

    private static RetortException concurrentChange(PreparedStep step, Throwable cause) {
        return new RetortException(ErrorCode.MIGRATION_FAILED, "The version table changed while revision "
                + step.revision() + " ran: expected to replace " + step.step().deletedRows() + ". Someone edited it"
                + " outside Retort; the revision was rolled back. Check 'retort current' and run again.", cause);
    }

    private static long elapsedMs(long started) {
        return Duration.ofNanos(System.nanoTime() - started).toMillis();
    }

    /** How far a batch got: the statements whose results arrived, and when the last one did. */
    private static final class Progress {

        private long last;
        private int completed;

        Progress(long sent) {
            this.last = sent;
        }

        /** Retort's own statements do not restart the clock: the next statement's time includes theirs. */
        Optional<MigrationEvent> next(PreparedStep step, StatementBatch batch, long rows, long now) {
            if (!(batch.parts().get(completed++) instanceof Migration migration)) {
                return Optional.empty();
            }
            Duration duration = Duration.ofNanos(now - last);
            last = now;
            return Optional.of(new StatementExecuted(step.revision(), migration.statement().line(), rows, duration));
        }
    }

    /** The batch sent ahead of its turn, if any: at most one, for the step after the current one. */
    private static final class Ahead {

        private int index = -1;
        private SentBatch batch;

        Optional<SentBatch> take(int step) {
            return step == index ? Optional.of(batch) : Optional.empty();
        }

        void put(int step, SentBatch sent) {
            index = step;
            batch = sent;
        }

        /** @return completes once the batch sent ahead, if any, has come back */
        Mono<Void> settled() {
            return batch == null ? Mono.empty() : batch.settled();
        }
    }
}
