package dev.retort.internal.execute;

import dev.retort.internal.history.HistoryRow;
import dev.retort.internal.history.HistorySql;

import java.util.ArrayList;
import java.util.List;

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
     * @param step the step
     * @return the DELETEs (one per row, each must touch exactly one row) followed by the INSERT
     */
    public List<String> versionChange(PreparedStep step) {
        List<String> statements = new ArrayList<>(sql.deleteHeads(step.step().deletedRows()));
        statements.addAll(sql.insertHeads(step.step().insertedRows()));
        return statements;
    }

    /** @return how many of {@link #versionChange} are DELETEs, which must each touch exactly one row */
    int deletes(PreparedStep step) {
        return step.step().deletedRows().size();
    }

    /**
     * @param step       the step
     * @param durationMs how long it took, or {@code null} when unknown
     * @param success    whether it completed
     * @return the history INSERT
     */
    public String history(PreparedStep step, Long durationMs, boolean success) {
        return sql.insertHistory(new HistoryRow(step.revision(), step.operation(), step.script().checksum(),
                step.script().message(), durationMs, success));
    }

    /**
     * @param step       a non-transactional step that completed
     * @param durationMs how long it took, or {@code null}
     * @return the UPDATE that turns its provisional history row into a success
     */
    public String succeeded(PreparedStep step, Long durationMs) {
        return sql.markSucceeded(step.revision(), durationMs);
    }
}
