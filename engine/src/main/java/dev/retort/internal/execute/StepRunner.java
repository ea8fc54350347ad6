package dev.retort.internal.execute;

import dev.retort.error.BookkeepingException;
import dev.retort.error.RetortException;
import dev.retort.error.RetortTablesException;
import dev.retort.error.VersionTableChangedException;
import dev.retort.event.MigrationEvent;
import dev.retort.error.MigrationExecutionException;
import dev.retort.event.RevisionApplied;
import dev.retort.event.RevisionRetried;
import dev.retort.event.RevisionStarted;
import dev.retort.event.StatementExecuted;
import dev.retort.internal.RunOptions;
import dev.retort.internal.execute.StatementBatch.Added;
import dev.retort.internal.execute.StatementBatch.Migration;
import dev.retort.internal.execute.StatementBatch.Part;
import dev.retort.internal.history.HistorySql;
import dev.retort.internal.history.StepSql;
import dev.retort.internal.lock.AdvisoryLock;
import dev.retort.internal.plan.PreparedStep;
import dev.retort.internal.r2dbc.Connections;
import dev.retort.internal.r2dbc.ErrorTranslation;
import dev.retort.internal.source.SessionSettings;
import dev.retort.internal.sql.ServerCheck;
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
    /** SQLSTATE lock_not_available: what lock_timeout raises, and NOWAIT. */
    private static final String LOCK_NOT_AVAILABLE = "55P03";
    private static final String SETTINGS_ADVICE = "Check the setting's name and value (SHOW ALL lists them).";
    private static final String CREATION_ADVICE = "Grant the role CREATE on the schema, or configure a schema it may"
            + " write to.";

    private final StepSql sql;
    private final RunOptions options;

    StepRunner(StepSql sql, RunOptions options) {
        this.sql = sql;
        this.options = options;
    }

    /**
     * Runs the plan's steps in order.
     *
     * @param steps         the plan's steps, prepared
     * @param held          the run's connections and lock
     * @param tableCreation the statements that create Retort's tables, to run in the first step's
     *                      transaction; empty when they exist
     * @return the steps' events
     */
    Flux<MigrationEvent> runAll(List<PreparedStep> steps, RunSession.Session held, List<String> tableCreation) {
        return Flux.defer(() -> {
            Ahead ahead = new Ahead();
            List<Added> creation = tableCreation.stream()
                    .map(statement -> new Added(statement, "creating Retort's tables", CREATION_ADVICE)).toList();
            return Flux.range(0, steps.size())
                    .concatMap(i -> withRetries(steps, i, held, ahead, i == 0 ? creation : List.of(), 0));
        });
    }

    /**
     * Runs step {@code i}; when it fails because a lock was not available in time, it has been
     * rolled back, so it runs again from its start after a wait, up to the configured number of
     * times. A non-transactional step is never retried: part of it may have run.
     */
    private Flux<MigrationEvent> withRetries(List<PreparedStep> steps, int i, RunSession.Session held, Ahead ahead,
            List<Added> opening, int retry) {
        PreparedStep step = steps.get(i);
        return run(steps, i, held, ahead, opening).onErrorResume(
                error -> retry < options.lockRetries() && step.script().transactional() && lockNotAvailable(error),
                error -> {
                    // The batch sent ahead behind the failed step failed with it; the next turn sends again.
                    ahead.clear();
                    Duration delay = options.delayBefore(retry + 1);
                    return Flux.<MigrationEvent>just(new RevisionRetried(step.revision(), retry + 1,
                                    options.lockRetries(), delay, ((MigrationExecutionException) error).serverMessage()))
                            // An explicit ROLLBACK: the driver may not have seen the failed transaction's state yet.
                            .concatWith(Connections.execute(held.work(), "ROLLBACK").then(Mono.delay(delay))
                                    .thenMany(withRetries(steps, i, held, ahead, opening, retry + 1)));
                });
    }

    private static boolean lockNotAvailable(Throwable error) {
        return error instanceof MigrationExecutionException failed
                && failed.sqlState().filter(LOCK_NOT_AVAILABLE::equals).isPresent();
    }

    /** @return the step's session settings: the run's, with its own {@code set} header's added */
    private SessionSettings settingsOf(PreparedStep step) {
        return options.settings().with(step.script().settings());
    }

    /** @return the statements that apply the settings, inside a step's transaction or for its session */
    private static List<Added> applying(SessionSettings settings, boolean local) {
        return settings.statements(local).stream()
                .map(statement -> new Added(statement, "applying the session settings of " + settings.place(),
                        SETTINGS_ADVICE))
                .toList();
    }

    /**
     * @param opening what the step's transaction starts with after {@code BEGIN}: the creation of
     *                Retort's tables for the first step, nothing for the others
     */
    private Flux<MigrationEvent> run(List<PreparedStep> steps, int i, RunSession.Session held, Ahead ahead,
            List<Added> opening) {
        PreparedStep step = steps.get(i);
        return Flux.defer(() -> {
            long started = System.nanoTime();
            List<Added> begun = concat(opening, applying(settingsOf(step), true));
            Flux<MigrationEvent> work = step.script().transactional()
                    ? pipelined(steps, i, held, ahead, started, begun).orElseGet(() -> transactional(step, held, begun))
                    : created(opening, held).thenMany(nonTransactional(step, started, held));
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
            Ahead ahead, long turn, List<Added> opening) {
        PreparedStep step = steps.get(i);
        Optional<SentBatch> sent = ahead.take(i).or(() -> sendOneBatch(step, opening, held));
        sent.ifPresent(current -> {
            if (i + 1 < steps.size() && steps.get(i + 1).script().transactional()) {
                Added committed = new Added(sql.committed(step), "checking that revision " + step.revision() + " committed");
                PreparedStep following = steps.get(i + 1);
                sendOneBatch(following, concat(List.of(committed), applying(settingsOf(following), true)), held)
                        .ifPresent(next -> ahead.put(i + 1, next));
            }
        });
        return sent.map(current -> received(step, current, turn, held, ahead));
    }

    /**
     * @param step    a transactional step
     * @param opening what its transaction starts with after {@code BEGIN}: for a step sent behind
     *                another, the check that the other committed
     * @return its whole transaction, sent as one batch; empty when it does not fit one or the driver
     *     refuses it (nothing was sent)
     */
    private Optional<SentBatch> sendOneBatch(PreparedStep step, List<Added> opening, RunSession.Session held) {
        return oneBatch(step, opening, held).flatMap(batch -> SentBatch.send(held.work(), batch));
    }

    /** @return the step's whole transaction as one batch, when its section is in memory and fits one */
    private Optional<StatementBatch> oneBatch(PreparedStep step, List<Added> opening, RunSession.Session held) {
        // A longer section would be split here only to be found too long.
        if (!step.section().fitsIn(StatementBatch.MAX_CHARS)) {
            return Optional.empty();
        }
        List<Part> parts = new ArrayList<>();
        parts.add(BEGIN);
        parts.addAll(opening);
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
            return Flux.fromIterable(events).concatWith(ahead.settled().then(Connections.rollback(held.work()))
                    .then(failure(outcome.error(), step, sent.batch(), outcome.arrivals().size(), held)));
        });
    }

    /**
     * @return what follows a transactional step's statements: the session's reset, its bookkeeping,
     *     the lock check, {@code COMMIT}
     */
    private List<Added> ending(PreparedStep step, RunSession.Session held) {
        List<Added> ending = new ArrayList<>(resetting(held));
        ending.add(new Added(sql.recordedOrFail(step), "recording the revision"));
        ending.add(new Added(held.lockHeldCheck(), "checking the lock"));
        ending.add(COMMIT);
        return ending;
    }

    private static List<Added> resetting(RunSession.Session held) {
        return held.reset().statements().stream().map(statement -> new Added(statement, "restoring the session")).toList();
    }

    private Flux<MigrationEvent> transactional(PreparedStep step, RunSession.Session held, List<Added> opening) {
        Flux<Part> parts = Flux.concat(Mono.just(BEGIN), Flux.fromIterable(opening), step.statements().map(Migration::new),
                Flux.defer(() -> Flux.fromIterable(ending(step, held))));
        return StatementBatch.of(parts)
                .concatMap(batch -> execute(held, step, batch), 1)
                .onErrorResume(error -> Connections.rollback(held.work()).then(Mono.error(error)));
    }

    /**
     * Runs the statements that create Retort's tables in a transaction of their own, for a first
     * step that cannot run in one: its provisional history row needs them.
     */
    private static Mono<Void> created(List<Added> creation, RunSession.Session held) {
        if (creation.isEmpty()) {
            return Mono.empty();
        }
        StatementBatch batch = StatementBatch.of(creation);
        return Connections.inTransaction(held.work(), Connections.rowsPerStatement(held.work(), batch.sql(),
                        batch.parts().size()))
                .onErrorMap(ErrorTranslation::isStatementFailure, error -> new RetortTablesException(
                        "Cannot create Retort's tables: " + ErrorTranslation.describe(error) + ". " + CREATION_ADVICE
                                + " Nothing was changed.", error))
                .then();
    }

    private Flux<MigrationEvent> nonTransactional(PreparedStep step, long started, RunSession.Session held) {
        Connection connection = held.work();
        Mono<Long> markStarted = Connections.execute(connection, sql.started(step));
        SessionSettings settings = settingsOf(step);
        Flux<MigrationEvent> applySettings = settings.isEmpty() ? Flux.empty()
                : execute(held, step, StatementBatch.of(applying(settings, false)));
        List<Added> resets = settings.resets().stream().map(statement -> new Added(statement, "restoring the session"))
                .toList();
        StatementBatch reset = StatementBatch.of(concat(resetting(held), resets));
        Flux<MigrationEvent> finish = Connections.inTransaction(connection,
                        Connections.rowsPerStatement(connection, reset.sql(), reset.parts().size())
                                .then(Mono.defer(() -> Mono.when(record(connection, step, elapsedMs(started)),
                                        held.lockHeld())))
                                .thenMany(Flux.<MigrationEvent>empty()))
                .onErrorResume(error -> unrecorded(step, error, held));
        Flux<MigrationEvent> statements = step.statements()
                .concatMap(statement -> execute(held, step, StatementBatch.of(List.of(new Migration(statement)))), 1);
        return markStarted.thenMany(applySettings).concatWith(statements).concatWith(finish);
    }

    /**
     * Every statement of a non-transactional step ran, but recording it failed: its provisional
     * history row still says it failed, so the database is dirty, whatever the reason.
     */
    private static <T> Mono<T> unrecorded(PreparedStep step, Throwable error, RunSession.Session held) {
        return ErrorTranslation.sessionEnded(held.work(), error).flatMap(ended -> Mono.error(ended
                ? ErrorTranslation.connectionLost(error, Optional.of(step.revision()))
                : error instanceof RetortException ? error : new BookkeepingException(step.revision(), true,
                        "Every statement of revision " + step.revision() + " (" + step.script().location() + ") ran,"
                                + " but recording it failed: " + ErrorTranslation.describe(error) + ". "
                                + StepFailures.outcome(true), error)));
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
            return Connections.rowsPerStatement(held.work(), batch.sql(), batch.parts().size())
                    .concatMap(rows -> Mono.justOrEmpty(progress.next(step, batch, rows, System.nanoTime())))
                    .onErrorResume(error -> progress.completed == 0 && batch.parts().size() > 1
                            && ErrorTranslation.isDriverRejection(error), error -> oneByOne(held, step, batch))
                    .onErrorResume(error -> failure(error, step, batch, progress.completed, held));
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

    private static <T> Mono<T> failure(Throwable error, PreparedStep step, StatementBatch batch, int completed,
            RunSession.Session held) {
        if (ServerCheck.failed(error, HistorySql.VERSION_TABLE_CHANGED)) {
            return Mono.error(concurrentChange(step, error));
        }
        if (ServerCheck.failed(error, AdvisoryLock.LOCK_LOST)) {
            return Mono.error(held.lock().lost(error));
        }
        return ErrorTranslation.sessionEnded(held.work(), error).flatMap(ended -> Mono.error(
                StepFailures.statementFailed(error, step.revision(), step.script().location(), batch, completed,
                        !step.script().transactional(), ended)));
    }

    /** The non-transactional step's bookkeeping updates one row only if the version table held what the plan expected. */
    private Mono<Void> record(Connection connection, PreparedStep step, long durationMs) {
        return Connections.execute(connection, sql.completed(step, durationMs))
                .flatMap(rows -> rows == 1 ? Mono.<Void>empty() : Mono.error(concurrentChange(step, null)));
    }

    private static RetortException concurrentChange(PreparedStep step, Throwable cause) {
        return new VersionTableChangedException(step.revision(), "The version table changed while revision "
                + step.revision() + " ran: expected to replace " + step.step().deletedRows() + ". Someone edited it"
                + " outside Retort. " + StepFailures.outcome(!step.script().transactional())
                + " Check 'retort current' and run again.", cause);
    }

    private static <T> List<T> concat(List<T> first, List<T> second) {
        if (second.isEmpty()) {
            return first;
        }
        List<T> both = new ArrayList<>(first);
        both.addAll(second);
        return both;
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

        void clear() {
            index = -1;
            batch = null;
        }

                /** @return completes once the batch sent ahead, if any, has come back */
        Mono<Void> settled() {
            return batch == null ? Mono.empty() : batch.settled();
        }
    }
}
