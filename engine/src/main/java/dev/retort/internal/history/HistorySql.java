package dev.retort.internal.history;

import dev.retort.internal.sql.ServerCheck;
import dev.retort.internal.sql.SqlLiteral;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The SQL that reads and writes the version and history tables. One place builds it for both
 * online runs and offline {@code --sql} scripts.
 */
public final class HistorySql {

    private final TableNames names;

    /** @param names the validated table names */
    public HistorySql(TableNames names) {
        this.names = names;
    }

    /** @return the table names this SQL uses */
    public TableNames names() {
        return names;
    }

    /**
     * The schema is created only when it is missing, and never with {@code IF NOT EXISTS}: that
     * form needs CREATE on the database even when the schema exists, which a role that may create
     * tables in its schema often lacks.
     *
     * @param withSchema whether the schema must be created too
     * @return the statements that create both tables if they are missing (and the schema)
     */
    public List<String> createTables(boolean withSchema) {
        List<String> statements = new ArrayList<>();
        if (withSchema) {
            statements.add("CREATE SCHEMA " + names.quotedSchema());
        }
        statements.addAll(tables());
        return statements;
    }

    /**
     * For offline scripts, which cannot know whether the schema exists: a {@code DO} block creates
     * it only when it is missing (see {@link #createTables}).
     *
     * @return the statements that create the schema and both tables where they are missing
     */
    public List<String> createTablesIfMissing() {
        List<String> statements = new ArrayList<>();
        statements.add("DO $$ BEGIN IF to_regnamespace(" + SqlLiteral.string(names.quotedSchema())
                + ") IS NULL THEN CREATE SCHEMA " + names.quotedSchema() + "; END IF; END $$");
        statements.addAll(tables());
        return statements;
    }

    private List<String> tables() {
        return List.of(
                "CREATE TABLE IF NOT EXISTS " + names.versionTable() + " (revision varchar(255) PRIMARY KEY)",
                "CREATE TABLE IF NOT EXISTS " + names.historyTable() + " ("
                        + "id bigserial PRIMARY KEY, "
                        + "revision varchar(255) NOT NULL, "
                        + "operation varchar(16) NOT NULL, "
                        + "checksum varchar(80), "
                        + "message text, "
                        + "applied_at timestamptz NOT NULL DEFAULT now(), "
                        + "duration_ms bigint, "
                        + "applied_by varchar(255) NOT NULL DEFAULT current_user, "
                        + "success boolean NOT NULL)");
    }

    /** @return a query with one boolean column per table, then one for the schema: whether it exists */
    public String tablesExist() {
        return "SELECT to_regclass(" + SqlLiteral.string(names.versionTable()) + ") IS NOT NULL, "
                + "to_regclass(" + SqlLiteral.string(names.historyTable()) + ") IS NOT NULL, "
                + "to_regnamespace(" + SqlLiteral.string(names.quotedSchema()) + ") IS NOT NULL";
    }

    /** The {@code kind} of {@link #selectState()}'s rows that carry a version row. */
    public static final String HEAD = "head";

    /** The {@code kind} of {@link #selectState()}'s row that carries the latest history row. */
    public static final String LATEST = "latest";

    /**
     * One query, so one round trip, for what a run needs to know before planning: the version
     * table's rows (kind {@link #HEAD}, with their revision) and the latest history row (kind
     * {@link #LATEST}, with its revision, operation and success flag, which the dirty check reads).
     *
     * @return the query; columns {@code kind, revision, operation, success}
     */
    public String selectState() {
        return "SELECT " + SqlLiteral.string(HEAD) + " AS kind, revision, NULL AS operation, NULL::boolean AS success FROM "
                + names.versionTable() + " UNION ALL (SELECT " + SqlLiteral.string(LATEST) + ", revision, operation, success FROM "
                + names.historyTable() + " ORDER BY id DESC LIMIT 1)";
    }

    /** @return the query for the whole history, oldest first */
    public String selectHistory() {
        return "SELECT id, revision, operation, checksum, message, applied_at, duration_ms, applied_by, success FROM "
                + names.historyTable() + " ORDER BY id";
    }

    /** @return the statement that empties the version table ({@code stamp --purge}) */
    public String deleteAllHeads() {
        return "DELETE FROM " + names.versionTable();
    }

    /**
     * @param revisions version rows to insert
     * @return one INSERT for all of them, or nothing when there are none
     */
    public List<String> insertHeads(Collection<String> revisions) {
        if (revisions.isEmpty()) {
            return List.of();
        }
        String values = revisions.stream().map(r -> "(" + SqlLiteral.string(r) + ")").collect(Collectors.joining(", "));
        return List.of("INSERT INTO " + names.versionTable() + " (revision) VALUES " + values);
    }

    /**
     * @param row the history row to append
     * @return the INSERT statement
     */
    public String insertHistory(HistoryInsert row) {
        return "INSERT INTO " + names.historyTable() + HISTORY_COLUMNS + "VALUES ("
                + historyValues(row, SqlLiteral.number(row.durationMs())) + ")";
    }

    /** The marker of {@link #recordStepOrFail}'s check. */
    public static final String VERSION_TABLE_CHANGED = "retort: the version table changed during the revision";

    /** The revision's time so far, measured by the server: {@code now()} is when its transaction began. */
    private static final String TRANSACTION_MILLIS = "(extract(epoch FROM clock_timestamp() - now()) * 1000)::bigint";

    /** The marker of {@link #rowCheck}'s failure. */
    public static final String PREVIOUS_NOT_COMMITTED = "retort: the revision before this one did not commit";

    /**
     * A statement that fails ({@link ServerCheck}, marker {@link #PREVIOUS_NOT_COMMITTED}) unless
     * the version table holds, or does not hold, a revision's row: an upgrade always inserts its
     * revision's row and a downgrade always deletes it, so this tells whether that step committed.
     *
     * @param revision the revision whose row to look for
     * @param present  whether the row must be there
     * @return the statement
     */
    public String rowCheck(String revision, boolean present) {
        return "SELECT " + ServerCheck.failUnless((present ? "" : "NOT ") + "EXISTS (SELECT 1 FROM " + names.versionTable()
                + " WHERE revision = " + SqlLiteral.string(revision) + ")", PREVIOUS_NOT_COMMITTED);
    }

    /**
     * One statement that moves the version rows and appends the history row, for a revision sent
     * to the server together with its {@code BEGIN} and {@code COMMIT}: it fails
     * ({@link ServerCheck}, marker {@link #VERSION_TABLE_CHANGED}) unless the version table held
     * what the plan expected, so the {@code COMMIT} after it never runs. The history row's duration
     * is the transaction's time so far.
     *
     * @param deleted  version rows the step removes
     * @param inserted version rows the step adds
     * @param row      the history row; its duration is ignored
     * @return the statement
     */
    public String recordStepOrFail(Collection<String> deleted, Collection<String> inserted, HistoryInsert row) {
        return versionChange(deleted, inserted) + ", recorded AS (" + guardedHistoryInsert(deleted, row, TRANSACTION_MILLIS)
                + " RETURNING 1) SELECT " + ServerCheck.failUnless("count(*) = 1", VERSION_TABLE_CHANGED) + " FROM recorded";
    }

    /**
     * For a non-transactional revision that completed: moves the version
     * rows and marks its provisional history row (written with {@code success = false} before its
     * first statement, so that a crash midway leaves the database marked dirty) as a success.
     *
     * @param deleted    version rows the step removes
     * @param inserted   version rows the step adds
     * @param revision   the revision
     * @param durationMs how long it took, or {@code null}
     * @return the statement; it reports 1 updated row when the version table was as expected
     */
    public String recordCompleted(Collection<String> deleted, Collection<String> inserted, String revision,
            Long durationMs) {
        return versionChange(deleted, inserted) + "UPDATE " + names.historyTable() + " SET success = true, duration_ms = "
                + SqlLiteral.number(durationMs) + " WHERE id = (SELECT max(id) FROM " + names.historyTable()
                + " WHERE revision = " + SqlLiteral.string(revision) + ") AND " + expectedDeletes(deleted);
    }

    /** The marker of {@link #versionGuard}'s check of the version rows. */
    public static final String NOT_AT_START = "retort: the version table does not hold the revisions this script expects";

    /** The marker of {@link #versionGuard}'s check of the dirty mark. */
    public static final String DIRTY = "retort: the database is dirty";

    /**
     * A statement that fails ({@link ServerCheck}) unless the version table holds exactly the
     * given rows and, if asked, the latest history row is not a failure: what an offline script
     * checks before each revision, since it has no lock and no read of the table.
     *
     * @param rows       the rows the version table must hold
     * @param checkDirty whether a dirty database fails the check too
     * @return the statement
     */
    public String versionGuard(Collection<String> rows, boolean checkDirty) {
        String expected = rows.isEmpty() ? "ARRAY[]::text[]" : "ARRAY[" + list(new TreeSet<>(rows)) + "]::text[]";
        String guard = "SELECT " + ServerCheck.failUnless("ARRAY(SELECT revision::text FROM " + names.versionTable()
                + " ORDER BY revision COLLATE \"C\") = " + expected, NOT_AT_START + " (" + (rows.isEmpty() ? "none"
                : String.join(", ", new TreeSet<>(rows))) + "); run 'retort current' and write the script from there");
        if (!checkDirty) {
            return guard;
        }
        return guard + ", " + ServerCheck.failUnless("coalesce((SELECT success FROM " + names.historyTable()
                + " ORDER BY id DESC LIMIT 1), true)", DIRTY + ": a non-transactional revision failed midway; repair it"
                + " and run 'retort stamp'");
    }

    /**
     * Like {@link #recordCompleted}, but failing ({@link ServerCheck}, marker
     * {@link #VERSION_TABLE_CHANGED}) unless the version table held what the plan expected: for
     * scripts, where nobody reads the update count.
     *
     * @param deleted  version rows the step removes
     * @param inserted version rows the step adds
     * @param revision the revision
     * @return the statement
     */
    public String recordCompletedOrFail(Collection<String> deleted, Collection<String> inserted, String revision) {
        return versionChange(deleted, inserted) + ", completed AS (UPDATE " + names.historyTable()
                + " SET success = true WHERE id = (SELECT max(id) FROM " + names.historyTable() + " WHERE revision = "
                + SqlLiteral.string(revision) + ") AND " + expectedDeletes(deleted) + " RETURNING 1) SELECT "
                + ServerCheck.failUnless("count(*) = 1", VERSION_TABLE_CHANGED) + " FROM completed";
    }

    /** Data-modifying CTEs run whether or not the main statement reads them. */
    private String versionChange(Collection<String> deleted, Collection<String> inserted) {
        String delete = "deleted AS (DELETE FROM " + names.versionTable() + " WHERE revision IN ("
                + (deleted.isEmpty() ? "NULL" : list(deleted)) + ") RETURNING revision)";
        String insert = inserted.isEmpty() ? "" : ", inserted AS (INSERT INTO " + names.versionTable()
                + " (revision) VALUES " + inserted.stream().map(r -> "(" + SqlLiteral.string(r) + ")")
                .collect(Collectors.joining(", ")) + " RETURNING revision)";
        return "WITH " + delete + insert + " ";
    }

    /** The history table's columns, in the order of {@link #historyValues}. */
    private static final String HISTORY_COLUMNS = " (revision, operation, checksum, message, duration_ms, success) ";

    /** @param duration SQL for the duration: a literal, or an expression the server computes */
    private static String historyValues(HistoryInsert row, String duration) {
        return SqlLiteral.string(row.revision()) + ", " + SqlLiteral.string(row.operation().label()) + ", "
                + SqlLiteral.string(row.checksum()) + ", " + SqlLiteral.string(row.message()) + ", " + duration + ", "
                + row.success();
    }

    /** Appends the history row only if the step deleted exactly the version rows the plan expected. */
    private String guardedHistoryInsert(Collection<String> deleted, HistoryInsert row, String duration) {
        return "INSERT INTO " + names.historyTable() + HISTORY_COLUMNS + "SELECT " + historyValues(row, duration)
                + " WHERE " + expectedDeletes(deleted);
    }

    private static String expectedDeletes(Collection<String> deleted) {
        return "(SELECT count(*) FROM deleted) = " + deleted.size();
    }

    private static String list(Collection<String> values) {
        return values.stream().map(SqlLiteral::string).collect(Collectors.joining(", "));
    }
}
