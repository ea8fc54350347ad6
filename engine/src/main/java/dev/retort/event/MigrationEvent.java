package dev.retort.event;

/**
 * What a run reports as it goes. A run emits, in order: {@link RunStarted}, {@link LockAcquired},
 * {@link RunPlanned}, then per revision {@link RevisionStarted}, one {@link StatementExecuted} per
 * statement and {@link RevisionApplied}, and finally {@link RunCompleted}. A revision that could not
 * take a lock in time and is tried again emits {@link RevisionRetried}, then starts again. An upgrade or downgrade
 * with nothing to do takes no lock and emits no {@link LockAcquired}. Failures are never events:
 * they end the stream with {@code onError}.
 */
public sealed interface MigrationEvent
        permits RunStarted, LockAcquired, RunPlanned, RevisionStarted, StatementExecuted, RevisionApplied,
        RevisionRetried, RunCompleted {
}
