package dev.retort.internal.history;

import dev.retort.Operation;
import dev.retort.internal.plan.PreparedStep;
import org.jspecify.annotations.Nullable;


/**
 * The bookkeeping statements of one step: the version-table change and the history row. Used by
 * online runs and offline scripts alike, so both write the same rows.
 */
public final class StepSql {

    private final HistorySql sql;

    /** @param sql the table SQL */
    public StepSql(HistorySql sql) {
        this.sql = sql;
    }

    /**
     * @param step the step, run with its {@code BEGIN} and {@code COMMIT} in one query string
     * @return the one statement that moves the version rows and appends the history row, failing
     *     unless the version table held what the plan expected
     */
    public String recordedOrFail(PreparedStep step) {
        return sql.recordStepOrFail(step.step().deletedRows(), step.step().insertedRows(), new HistoryInsert(
                step.revision(), step.operation(), step.script().checksum(), step.script().message(), null, true));
    }

    /**
     * @param step a step already sent to the server
     * @return a statement that fails unless that step committed, for the step sent behind it
     */
    public String committed(PreparedStep step) {
        return sql.rowCheck(step.revision(), step.operation() == Operation.UPGRADE);
    }

    /**
     * @param step a non-transactional step, before its first statement
     * @return the provisional history row with {@code success = false}, so a crash midway leaves the
     *     database marked dirty
     */
    public String started(PreparedStep step) {
        return sql.insertHistory(new HistoryInsert(step.revision(), step.operation(), step.script().checksum(),
                step.script().message(), null, false));
    }

    /**
     * @param step a non-transactional step that completed, in an offline script
     * @return the statement that moves the version rows and marks the provisional row a success,
     *     failing unless the version table held what the plan expected
     */
    public String completedOrFail(PreparedStep step) {
        return sql.recordCompletedOrFail(step.step().deletedRows(), step.step().insertedRows(), step.revision());
    }

    /**
     * @param step       a non-transactional step that completed
     * @param durationMs how long it took, or {@code null}
     * @return the one statement that moves the version rows and marks the provisional row a success
     */
    public String completed(PreparedStep step, @Nullable Long durationMs) {
        return sql.recordCompleted(step.step().deletedRows(), step.step().insertedRows(), step.revision(), durationMs);
    }
}
