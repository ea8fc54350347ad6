package dev.retort.internal.execute;

import dev.retort.Operation;
import dev.retort.internal.history.HistoryRow;
import dev.retort.internal.history.HistorySql;
import dev.retort.internal.source.Catalog;
import dev.retort.internal.source.Script;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The statements of {@code stamp}: rewrite the version table and record one history row per
 * stamped revision (or one {@code base} row), which also clears a dirty mark. Shared by online
 * runs and offline scripts.
 */
public final class StampSql {

    /** The history row's revision when a database is stamped to base. */
    static final String BASE = "base";

    private final HistorySql sql;

    /** @param sql the table SQL */
    public StampSql(HistorySql sql) {
        this.sql = sql;
    }

    /**
     * @param before  the rows before (ignored when {@code purge})
     * @param after   the rows to write
     * @param purge   whether to empty the table first, whatever it holds
     * @param catalog the scripts, for checksums and messages
     * @return the statements, to run in one transaction
     */
    public List<String> statements(Set<String> before, Set<String> after, boolean purge, Catalog catalog) {
        List<String> statements = new ArrayList<>();
        if (purge) {
            statements.add(sql.deleteAllHeads());
            statements.addAll(sql.insertHeads(new TreeSet<>(after)));
        } else {
            statements.addAll(sql.deleteHeads(difference(before, after)));
            statements.addAll(sql.insertHeads(difference(after, before)));
        }
        if (after.isEmpty()) {
            statements.add(sql.insertHistory(new HistoryRow(BASE, Operation.STAMP, null, "", null, true)));
        }
        for (String revision : new TreeSet<>(after)) {
            Script script = catalog.script(revision);
            statements.add(sql.insertHistory(new HistoryRow(revision, Operation.STAMP, script.checksum(),
                    script.message(), null, true)));
        }
        return statements;
    }

    private static Set<String> difference(Set<String> a, Set<String> b) {
        Set<String> result = new TreeSet<>(a);
        result.removeAll(b);
        return result;
    }
}
