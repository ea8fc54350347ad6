package dev.retort.internal.execute;

import dev.retort.error.ErrorCode;
import dev.retort.error.RetortException;
import dev.retort.event.MigrationEvent;
import dev.retort.event.RevisionApplied;
import dev.retort.event.RevisionStarted;
import dev.retort.event.StatementExecuted;
import dev.retort.internal.sql.DriverSafeSql;
import dev.retort.internal.sql.SqlStatement;
import io.r2dbc.spi.Connection;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Duration;

/**
 * Runs one prepared step on a connection. A transactional step runs its statements, then one
 * statement for the version change and its history row, in one transaction. A non-transactional step first records a
 * provisional failed history row (so a crash midway leaves the database marked dirty), runs its
 * statements one by one in autocommit, then records the version change and success in a
 * transaction.
 */
final class StepRunner {

    private final StepSql sql;

    StepRunner(StepSql sql) {
        this.sql = sql;
    }

    /**
     * @param connection the work connection
     * @param step       the step
     * @param index      its 1-based position
     * @param total      how many steps the run has
     * @param lockHeld   checks that the run still holds the lock; awaited before each commit
     */
    Flux<MigrationEvent> run(Connection connection, PreparedStep step, int index, int total, Mono<Void> lockHeld) {
        return Flux.defer(() -> {
            long started = System.nanoTime();
            Flux<MigrationEvent> work = step.script().transactional()
                    ? transactional(connection, step, started, lockHeld)
                    : nonTransactional(connection, step, started, lockHeld);
            return Flux.<MigrationEvent>just(new RevisionStarted(step.revision(), step.operation(),
                            step.script().message(), index, total))
                    .concatWith(work)
                    .concatWith(Mono.fromSupplier(() -> new RevisionApplied(step.revision(), step.operation(),
                            Duration.ofNanos(System.nanoTime() - started))));
        });
    }

    private Flux<MigrationEvent> transactional(Connection connection, PreparedStep step, long started,
            Mono<Void> lockHeld) {
        return Connections.inTransaction(connection, statements(connection, step, false)
                .concatWith(Mono.defer(() -> bookkeeping(connection, step, sql.recorded(step, elapsedMs(started)),
                                lockHeld))
                        .then(Mono.empty())));
    }

    private Flux<MigrationEvent> nonTransactional(Connection connection, PreparedStep step, long started,
            Mono<Void> lockHeld) {
        Mono<Long> markStarted = Connections.execute(connection, sql.started(step))
                .onErrorMap(ErrorTranslation::general);
        Flux<MigrationEvent> finish = Connections.inTransaction(connection,
                Mono.defer(() -> bookkeeping(connection, step, sql.completed(step, elapsedMs(started)), lockHeld))
                        .thenMany(Flux.empty()));
        return markStarted.thenMany(statements(connection, step, true)).concatWith(finish);
    }

    private Flux<MigrationEvent> statements(Connection connection, PreparedStep step, boolean dirtyOnFailure) {
        return step.statements()
                .concatMap(statement -> execute(connection, step, statement, dirtyOnFailure));
    }

    private Mono<MigrationEvent> execute(Connection connection, PreparedStep step, SqlStatement statement,
            boolean dirtyOnFailure) {
        return Mono.defer(() -> {
            long started = System.nanoTime();
            return Connections.execute(connection, DriverSafeSql.of(statement.sql()))
                    .<MigrationEvent>map(rows -> new StatementExecuted(step.revision(), statement.line(), rows,
                            Duration.ofNanos(System.nanoTime() - started)))
                    .onErrorMap(e -> ErrorTranslation.statementFailed(e, step.revision(), step.script().location(),
                            statement, dirtyOnFailure));
        });
    }

    /**
     * Records the step, and meanwhile checks on the lock's connection that the lock is still held,
     * so that the check costs no extra round trip and happens as late as possible before commit.
     */
    private Mono<Void> bookkeeping(Connection connection, PreparedStep step, String record, Mono<Void> lockHeld) {
        return Mono.when(record(connection, step, record), lockHeld);
    }

    /** The record statement updates one row only if the version table held exactly what the plan expected. */
    private Mono<Void> record(Connection connection, PreparedStep step, String record) {
        return Connections.execute(connection, record)
                .onErrorMap(ErrorTranslation::general)
                .flatMap(rows -> rows == 1 ? Mono.<Void>empty() : Mono.error(concurrentChange(step)));
    }

    private static RetortException concurrentChange(PreparedStep step) {
        return new RetortException(ErrorCode.MIGRATION_FAILED, "The version table changed while revision "
                + step.revision() + " ran: expected to replace " + step.step().deletedRows() + ". Someone edited it"
                + " outside Retort; the revision was rolled back. Check 'retort current' and run again.");
    }

    private static long elapsedMs(long started) {
        return Duration.ofNanos(System.nanoTime() - started).toMillis();
    }
}
