package dev.retort.internal.history;

import dev.retort.Operation;
import dev.retort.internal.source.Catalog;
import dev.retort.internal.source.Script;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The statements of {@code stamp}: rewrite the version table and record one history row per
 * stamped revision (or one {@code base} row), which also clears a dirty mark. Shared by online
 * runs and offline scripts, so a printed stamp does exactly what a run does.
 */
public final class StampSql {

    /** The history row's revision when a database is stamped to base. */
    public static final String BASE = "base";

    private final HistorySql sql;

    /** @param sql the table SQL */
    public StampSql(HistorySql sql) {
        this.sql = sql;
    }

    /**
     * Empties the version table and writes the stamped rows: right whatever the table held,
     * because the rows were planned from it (or, for {@code --purge}, from nothing).
     *
     * @param after   the rows to write
     * @param catalog the scripts, for checksums and messages
     * @return the statements, to run in one transaction
     */
    public List<String> statements(Set<String> after, Catalog catalog) {
        List<String> statements = new ArrayList<>();
        statements.add(sql.deleteAllHeads());
        statements.addAll(sql.insertHeads(new TreeSet<>(after)));
        if (after.isEmpty()) {
            statements.add(sql.insertHistory(new HistoryInsert(BASE, Operation.STAMP, null, "", null, true)));
        }
        for (String revision : new TreeSet<>(after)) {
            Script script = catalog.script(revision);
            statements.add(sql.insertHistory(new HistoryInsert(revision, Operation.STAMP, script.checksum(),
                    script.message(), null, true)));
        }
        return statements;
    }
}
