package dev.retort.internal.lint;

import dev.retort.LintFinding;
import dev.retort.LintFinding.Severity;
import dev.retort.internal.source.Script;
import dev.retort.internal.source.SessionSettings;
import dev.retort.internal.sql.LeadingTokens;
import dev.retort.internal.sql.SqlStatement;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Lints one revision's upgrade, statement by statement, remembering the tables it created: a rule
 * about an existing table does not fire for a table created a few lines earlier, which no one
 * else can be using yet.
 */
final class RevisionLint {

    /** Functions whose every call may return something else: a default using one rewrites the table. */
    private static final Set<String> VOLATILE = Set.of("RANDOM", "GEN_RANDOM_UUID", "UUID_GENERATE_V1",
            "UUID_GENERATE_V1MC", "UUID_GENERATE_V4", "CLOCK_TIMESTAMP", "TIMEOFDAY", "NEXTVAL", "TXID_CURRENT",
            "GEN_RANDOM_BYTES", "RANDOM_NORMAL", "UUIDV7", "UUIDV4");
    /** Types whose columns get a sequence's nextval() as their default. */
    private static final Set<String> SERIAL = Set.of("SERIAL", "BIGSERIAL", "SMALLSERIAL", "SERIAL4", "SERIAL8",
            "SERIAL2");

    private final Script script;
    private final List<LintFinding> findings = new ArrayList<>();
    private final Set<String> created;
    private boolean lockTimeout;
    private boolean lockTimeoutReported;

    /**
     * @param created the tables created before this revision in the same deploy, which it adds its
     *                own to: no one can be using them yet either
     */
    RevisionLint(Script script, SessionSettings run, Set<String> created) {
        this.script = script;
        this.created = created;
        this.lockTimeout = run.with(script.settings()).value("lock_timeout").isPresent();
    }

    /** @return the findings, once the upgrade's statements have been read (a large section is streamed from its file) */
    Mono<List<LintFinding>> findings() {
        return Mono.defer(() -> {
            if (script.downgrade().isEmpty()) {
                add("no-downgrade", Severity.WARNING, 1, "has no '-- +downgrade' section, so downgrade and roundtrip"
                        + " cannot revert it. Write one; if the revision cannot be undone, say so with"
                        + " '-- lint-ignore: no-downgrade'.");
            }
            return script.upgrade().statements(script.location()).doOnNext(this::statement).then(Mono.fromSupplier(
                    () -> findings));
        });
    }

    private void statement(SqlStatement statement) {
        LeadingTokens t = new LeadingTokens(statement.sql());
        int line = statement.line();
        if (setsLockTimeout(t, statement.sql())) {
            lockTimeout = true;
        } else if (t.is(0, "CREATE")) {
            create(t, line);
        } else if (t.is(0, "ALTER") && t.is(1, "TABLE")) {
            alterTable(t, line);
        } else if (t.is(0, "DROP") && t.is(1, "TABLE")) {
            dropTable(t, line);
        } else if (t.isAny(0, "TRUNCATE", "LOCK")) {
            int i = t.is(1, "TABLE") ? 2 : 1;
            i = t.is(i, "ONLY") ? i + 1 : i;
            exclusive(lastName(t, i), line);
        }
    }

    private static boolean setsLockTimeout(LeadingTokens t, String sql) {
        if (t.is(0, "SET")) {
            int i = t.isAny(1, "LOCAL", "SESSION") ? 2 : 1;
            return t.name(i).equals("lock_timeout");
        }
        return sql.toLowerCase(Locale.ROOT).contains("set_config('lock_timeout'");
    }

    private void create(LeadingTokens t, int line) {
        int i = 1;
        if (t.is(i, "OR") && t.is(i + 1, "REPLACE")) {
            i += 2;
        }
        if (t.is(i, "UNIQUE")) {
            i++;
        }
        if (t.is(i, "INDEX")) {
            index(t, i + 1, line);
            return;
        }
        while (t.isAny(i, "GLOBAL", "LOCAL", "TEMP", "TEMPORARY", "UNLOGGED", "MATERIALIZED")) {
            i++;
        }
        if (t.isAny(i, "TABLE", "VIEW")) {
            created.add(lastName(t, afterIfNotExists(t, i + 1)));
        }
    }

    private void index(LeadingTokens t, int start, int line) {
        int i = start;
        boolean concurrently = t.is(i, "CONCURRENTLY");
        if (concurrently) {
            i++;
        }
        i = afterIfNotExists(t, i);
        if (!t.is(i, "ON")) {
            i = afterName(t, i);
        }
        if (!t.is(i, "ON")) {
            return;
        }
        i = t.is(i + 1, "ONLY") ? i + 2 : i + 1;
        String table = lastName(t, i);
        if (!concurrently && existing(table)) {
            add("index-not-concurrent", Severity.ERROR, line, "CREATE INDEX on " + table + ", which exists already,"
                    + " blocks every write to it until the index is built, for as long as the table is big. Write"
                    + " CREATE INDEX CONCURRENTLY, in a revision of its own with '-- transactional: false'.");
        }
    }

    private void alterTable(LeadingTokens t, int line) {
        int i = afterIfExists(t, 2);
        if (t.is(i, "ONLY")) {
            i++;
        }
        String table = lastName(t, i);
        i = afterName(t, i);
        if (t.isSymbol(i, "*")) {
            i++;
        }
        if (!existing(table)) {
            return;
        }
        boolean exclusive = false;
        while (!t.isEnd(i)) {
            int end = actionEnd(t, i);
            exclusive |= action(t, i, end, table, line);
            i = t.isSymbol(end, ",") ? end + 1 : end;
        }
        if (exclusive) {
            exclusive(table, line);
        }
    }

    /** @return whether the action takes an ACCESS EXCLUSIVE lock */
    private boolean action(LeadingTokens t, int i, int end, String table, int line) {
        if (t.is(i, "ADD")) {
            add(t, i + 1, end, table, line);
        } else if (t.is(i, "ALTER")) {
            int c = t.is(i + 1, "COLUMN") ? i + 2 : i + 1;
            String column = t.name(c);
            if (t.is(c + 1, "SET") && t.is(c + 2, "NOT") && t.is(c + 3, "NULL")) {
                add("set-not-null", Severity.WARNING, line, "SET NOT NULL on " + table + "." + column + " scans the"
                        + " whole table under an ACCESS EXCLUSIVE lock. Add CHECK (" + column + " IS NOT NULL) NOT VALID,"
                        + " VALIDATE it in a later revision, then SET NOT NULL: PostgreSQL 12+ uses the check and skips"
                        + " the scan.");
            } else if (t.is(c + 1, "TYPE") || (t.is(c + 1, "SET") && t.is(c + 2, "DATA") && t.is(c + 3, "TYPE"))) {
                add("column-type-change", Severity.WARNING, line, "ALTER COLUMN " + column + " TYPE on " + table
                        + " may rewrite the table and its indexes under an ACCESS EXCLUSIVE lock (a varchar made longer"
                        + " does not), and breaks code that reads the old type. Check the cast, or add a column of the"
                        + " new type and move the data in batches.");
            }
        } else if (t.is(i, "DROP") && !t.isAny(i + 1, "CONSTRAINT")) {
            int c = t.is(i + 1, "COLUMN") ? i + 2 : i + 1;
            c = afterIfExists(t, c);
            add("drop-column", Severity.WARNING, line, "DROP COLUMN " + t.name(c) + " on " + table + " breaks the code"
                    + " still running against it while the deploy rolls out. Stop reading and writing it in one release,"
                    + " drop it in a later one.");
        } else if (t.is(i, "RENAME")) {
            rename(t, i, table, line);
        } else if (t.is(i, "VALIDATE")) {
            return false;
        }
        return true;
    }

    private void add(LeadingTokens t, int i, int end, String table, int line) {
        int c = afterIfNotExists(t, t.is(i, "COLUMN") ? i + 1 : i);
        if (t.is(c, "CONSTRAINT")) {
            constraint(t, c + 2, end, table, line);
        } else if (t.isAny(c, "FOREIGN", "CHECK", "UNIQUE", "PRIMARY", "EXCLUDE")) {
            constraint(t, c, end, table, line);
        } else {
            column(t, c, end, table, line);
        }
    }

    private void constraint(LeadingTokens t, int i, int end, String table, int line) {
        boolean notValid = false;
        boolean usingIndex = false;
        for (int k = i; k < end; k++) {
            notValid |= t.is(k, "NOT") && t.is(k + 1, "VALID");
            usingIndex |= t.is(k, "USING") && t.is(k + 1, "INDEX");
        }
        if (t.isAny(i, "FOREIGN", "CHECK") && !notValid) {
            String kind = t.is(i, "FOREIGN") ? "FOREIGN KEY" : "CHECK";
            add("constraint-validates", Severity.WARNING, line, "ADD " + kind + " on " + table + " checks every row"
                    + " while it holds the table's lock" + (kind.equals("FOREIGN KEY") ? " (and the referenced one's)"
                    : "") + ". Add it NOT VALID, then VALIDATE CONSTRAINT in a later revision, which takes a weaker"
                    + " lock.");
        } else if (t.isAny(i, "UNIQUE", "PRIMARY") && !usingIndex) {
            String kind = t.is(i, "UNIQUE") ? "UNIQUE" : "PRIMARY KEY";
            add("unique-without-index", Severity.WARNING, line, "ADD " + kind + " on " + table + " builds its index"
                    + " under an ACCESS EXCLUSIVE lock. Build a unique index CONCURRENTLY first (in a revision with"
                    + " '-- transactional: false'), then ADD CONSTRAINT ... " + kind + " USING INDEX.");
        }
    }

    private void column(LeadingTokens t, int c, int end, String table, int line) {
        String column = t.name(c);
        for (int k = c + 1; k < end; k++) {
            boolean serial = k == c + 1 && SERIAL.contains(wordAt(t, k));
            boolean volatileDefault = t.is(k, "DEFAULT") && firstVolatileCall(t, k + 1, end) != null;
            boolean stored = t.is(k, "STORED");
            if (serial || volatileDefault || stored) {
                String what = serial ? "type " + t.text(k).toLowerCase(Locale.ROOT) + " (a nextval() default)"
                        : stored ? "a stored generated value" : "the volatile default " + firstVolatileCall(t, k + 1, end)
                        + "()";
                add("volatile-default", Severity.ERROR, line, "ADD COLUMN " + column + " with " + what + " rewrites "
                        + table + " under an ACCESS EXCLUSIVE lock, for as long as the table is big. Add the column"
                        + " without it (or with a constant default), fill it in batches, then set the default in a later"
                        + " revision.");
                return;
            }
        }
    }

    private static @Nullable String firstVolatileCall(LeadingTokens t, int from, int end) {
        for (int k = from; k < end; k++) {
            String word = wordAt(t, k);
            if (VOLATILE.contains(word) && t.isSymbol(k + 1, "(")) {
                return word.toLowerCase(Locale.ROOT);
            }
            if (t.isAny(k, "NOT", "NULL", "CONSTRAINT", "REFERENCES", "CHECK", "UNIQUE", "PRIMARY", "COLLATE")
                    && k > from) {
                return null;
            }
        }
        return null;
    }

    private void rename(LeadingTokens t, int i, String table, int line) {
        if (t.is(i + 1, "TO")) {
            add("rename-table", Severity.WARNING, line, "RENAME " + table + " TO " + t.name(i + 2) + " breaks the code"
                    + " still using the old name while the deploy rolls out. Leave a view under the old name for a"
                    + " release, or rename in two steps.");
        } else if (!t.is(i + 1, "CONSTRAINT")) {
            int c = t.is(i + 1, "COLUMN") ? i + 2 : i + 1;
            add("rename-column", Severity.WARNING, line, "RENAME COLUMN " + table + "." + t.name(c) + " breaks the code"
                    + " still using the old name while the deploy rolls out. Add the new column, write both, move"
                    + " readers over, then drop the old one.");
        }
    }

    private void dropTable(LeadingTokens t, int line) {
        int i = afterIfExists(t, 2);
        while (t.isName(i)) {
            String table = lastName(t, i);
            if (existing(table)) {
                add("drop-table", Severity.WARNING, line, "DROP TABLE " + table + " breaks the code still using it"
                        + " while the deploy rolls out, and its data is gone. Stop using it in one release, drop it in a"
                        + " later one.");
                exclusive(table, line);
            }
            i = afterName(t, i);
            if (!t.isSymbol(i, ",")) {
                break;
            }
            i++;
        }
    }

    private void exclusive(String table, int line) {
        if (!lockTimeout && !lockTimeoutReported && existing(table)) {
            lockTimeoutReported = true;
            add("missing-lock-timeout", Severity.WARNING, line, "takes an ACCESS EXCLUSIVE lock on " + table
                    + " without a lock_timeout: behind a long transaction it waits, and every query on " + table
                    + " waits behind it. Add '-- set: lock_timeout=5s' (Retort tries again when the lock times out).");
        }
    }

    private boolean existing(String table) {
        return !table.isEmpty() && !created.contains(table);
    }

    /** @return the index just after the (possibly schema-qualified) name at {@code i} */
    private static int afterName(LeadingTokens t, int i) {
        int k = i;
        while (t.isName(k)) {
            k++;
            if (!t.isSymbol(k, ".")) {
                return k;
            }
            k++;
        }
        return k;
    }

    /** @return the token after an {@code IF EXISTS} at {@code i}, or {@code i} when there is none */
    private static int afterIfExists(LeadingTokens t, int i) {
        return t.is(i, "IF") && t.is(i + 1, "EXISTS") ? i + 2 : i;
    }

    /** @return the token after an {@code IF NOT EXISTS} at {@code i}, or {@code i} when there is none */
    private static int afterIfNotExists(LeadingTokens t, int i) {
        return t.is(i, "IF") && t.is(i + 1, "NOT") && t.is(i + 2, "EXISTS") ? i + 3 : i;
    }

    /** @return the last part of the (possibly schema-qualified) name at {@code i}, as PostgreSQL folds it */
    private static String lastName(LeadingTokens t, int i) {
        int end = afterName(t, i);
        return end > i ? t.name(end - 1) : "";
    }

    /** @return where the ALTER TABLE action starting at {@code i} ends: a comma outside parentheses, or the end */
    private static int actionEnd(LeadingTokens t, int i) {
        int k = i;
        while (!t.isEnd(k) && !t.isSymbol(k, ",")) {
            int after = t.skipParentheses(k);
            k = after > k ? after : k + 1;
        }
        return k;
    }

    private static String wordAt(LeadingTokens t, int k) {
        return t.isName(k) ? t.name(k).toUpperCase(Locale.ROOT) : "";
    }

    private void add(String rule, Severity severity, int line, String message) {
        findings.add(new LintFinding(rule, severity, script.id(), script.location(), line, message));
    }
}
