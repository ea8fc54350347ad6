package dev.retort.internal.ddl;

import dev.retort.schema.SchemaScript;
import org.jspecify.annotations.Nullable;

import java.util.ArrayList;
import java.util.List;

/** The script being written: its statements, whether it can run in a transaction, what cannot be written. */
final class Script {

    private final List<SchemaScript.Statement> statements = new ArrayList<>();
    private final List<String> unsupported = new ArrayList<>();
    private boolean transactional = true;

    /** @param sql a statement that loses nothing */
    void add(String sql) {
        statements.add(new SchemaScript.Statement(sql, null));
    }

    /**
     * @param sql     a statement
     * @param warning what it loses, or {@code null}
     */
    void add(String sql, @Nullable String warning) {
        statements.add(new SchemaScript.Statement(sql, warning));
    }

    /** Marks the script as one that cannot run in a single transaction. */
    void outsideTransaction() {
        transactional = false;
    }

    /**
     * @param title   the object, e.g. {@code enum mood}
     * @param problem why it cannot be written, and what to write by hand
     */
    void unsupported(String title, String problem) {
        unsupported.add(title + ": " + problem);
    }

    List<String> unsupported() {
        return unsupported;
    }

    SchemaScript build() {
        return new SchemaScript(statements, transactional);
    }
}
