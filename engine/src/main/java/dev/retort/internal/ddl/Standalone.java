package dev.retort.internal.ddl;

import dev.retort.schema.ObjectKind;
import dev.retort.schema.SchemaChange;
import dev.retort.schema.SchemaChange.Type;
import dev.retort.schema.SchemaObject;
import dev.retort.schema.SchemaSnapshot;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static dev.retort.internal.ddl.Changes.DEFINITION;

/** Extensions, sequences and indexes. */
final class Standalone {

    private static final String OWNED_BY = "owned by";

    private final Changes changes;
    private final Script script;

    Standalone(Changes changes, Script script) {
        this.changes = changes;
        this.script = script;
    }

    /** Drops the indexes that go or are rewritten, before their tables and views go. */
    void dropIndexes() {
        changes.of(ObjectKind.INDEX, Type.REMOVED, Type.CHANGED).stream()
                .filter(i -> i.type() == Type.REMOVED || Changes.differs(i, DEFINITION))
                .map(i -> changes.from().find(ObjectKind.INDEX, i.name()).orElseThrow())
                .filter(i -> !changes.tableRemoved(changes.tableName(on(i))) && !ofPartition(changes.from(), i))
                .forEach(i -> script.add("DROP INDEX " + i.name()));
    }

    /** Drops the sequences that go (one a dropped column owned is already gone), then the extensions. */
    void dropSequences() {
        for (SchemaChange sequence : changes.of(ObjectKind.SEQUENCE, Type.REMOVED)) {
            script.add("DROP SEQUENCE " + (sequence.before().containsKey(OWNED_BY) ? "IF EXISTS " : "") + sequence.name(),
                    "drops sequence " + sequence.name() + " and its current value");
        }
    }

    /** Drops the extensions that go, last: what used them is gone by then. */
    void dropExtensions() {
        changes.of(ObjectKind.EXTENSION, Type.REMOVED).forEach(e -> script.add("DROP EXTENSION " + e.name(),
                "drops extension " + e.name() + " and any data of its own (e.g. its tables' rows)"));
    }

    /** Creates the new extensions and moves the changed ones to their version and schema. */
    void createExtensions() {
        for (SchemaChange extension : changes.of(ObjectKind.EXTENSION, Type.ADDED, Type.CHANGED)) {
            Map<String, String> is = extension.after();
            if (extension.type() == Type.ADDED) {
                script.add("CREATE EXTENSION IF NOT EXISTS " + extension.name() + " WITH SCHEMA " + is.get("schema"));
                continue;
            }
            if (Changes.differs(extension, "version")) {
                script.add("ALTER EXTENSION " + extension.name() + " UPDATE TO " + Literals.text(is.get("version")));
            }
            if (Changes.differs(extension, "schema")) {
                script.add("ALTER EXTENSION " + extension.name() + " SET SCHEMA " + is.get("schema"));
            }
        }
    }

    /** Creates the new sequences and alters the changed ones; who owns them comes after the columns exist. */
    void createSequences() {
        for (SchemaChange sequence : changes.of(ObjectKind.SEQUENCE, Type.ADDED, Type.CHANGED)) {
            List<String> options = new ArrayList<>();
            Map<String, String> is = sequence.after();
            option(sequence, "type", "AS " + is.get("type"), options);
            option(sequence, "start", "START WITH " + is.get("start"), options);
            option(sequence, "increment", "INCREMENT BY " + is.get("increment"), options);
            option(sequence, "min", "MINVALUE " + is.get("min"), options);
            option(sequence, "max", "MAXVALUE " + is.get("max"), options);
            option(sequence, "cache", "CACHE " + is.get("cache"), options);
            option(sequence, "cycle", is.containsKey("cycle") ? "CYCLE" : "NO CYCLE", options);
            String verb = sequence.type() == Type.ADDED ? "CREATE SEQUENCE " : "ALTER SEQUENCE ";
            if (sequence.type() == Type.ADDED || !options.isEmpty()) {
                script.add(verb + sequence.name() + (options.isEmpty() ? "" : " " + String.join(" ", options)));
            }
            Comments.write(sequence, script);
        }
    }

    private static void option(SchemaChange sequence, String property, String clause, List<String> options) {
        boolean wanted = sequence.type() == Type.ADDED
                ? !property.equals("cycle") || sequence.after().containsKey("cycle")
                : Changes.differs(sequence, property);
        if (wanted) {
            options.add(clause);
        }
    }

    /** Ties sequences to the columns that own them, now that the columns exist. */
    void ownSequences() {
        for (SchemaChange sequence : changes.of(ObjectKind.SEQUENCE, Type.ADDED, Type.CHANGED)) {
            boolean added = sequence.type() == Type.ADDED && sequence.after().containsKey(OWNED_BY);
            if (added || (sequence.type() == Type.CHANGED && Changes.differs(sequence, OWNED_BY))) {
                script.add("ALTER SEQUENCE " + sequence.name() + " OWNED BY "
                        + sequence.after().getOrDefault(OWNED_BY, "NONE"));
            }
        }
    }

    /**
     * Creates the new and rewritten indexes, and those of rebuilt materialized views. An index a
     * new partition gets from its parent's index is left to PostgreSQL.
     *
     * @param rebuiltViews the materialized views dropped and created again
     */
    void createIndexes(Set<String> rebuiltViews) {
        List<SchemaObject> indexes = new ArrayList<>();
        for (SchemaChange index : changes.of(ObjectKind.INDEX, Type.ADDED, Type.CHANGED)) {
            if (index.type() == Type.ADDED || Changes.differs(index, DEFINITION)) {
                indexes.add(changes.to().find(ObjectKind.INDEX, index.name()).orElseThrow());
            }
        }
        changes.to().all(ObjectKind.INDEX).stream().filter(i -> !indexes.contains(i))
                .filter(i -> rebuiltViews.stream().anyMatch(view -> on(i).equals(view)
                        || Identifiers.last(on(i)).equals(view)))
                .forEach(indexes::add);
        for (SchemaObject index : indexes) {
            if (!ofPartition(changes.to(), index)) {
                // A partitioned table's index renders as ON ONLY; without ONLY it is made on every partition too.
                script.add(index.properties().get(DEFINITION).replaceFirst(" ON ONLY ", " ON "));
                Comments.write(Comments.creation(index), script);
            }
        }
        changes.of(ObjectKind.INDEX, Type.CHANGED).stream().filter(i -> !Changes.differs(i, DEFINITION))
                .forEach(i -> Comments.write(i, script));
    }

    /**
     * Whether an index is a partition's share of an index of its parent: PostgreSQL makes it with
     * the parent's index (or the partition) and drops it with them.
     */
    private boolean ofPartition(SchemaSnapshot snapshot, SchemaObject index) {
        return snapshot.find(ObjectKind.TABLE, changes.tableName(on(index)))
                .map(t -> t.properties().get("partition of")).map(p -> p.substring(0, p.indexOf(' ')))
                .filter(parent -> snapshot.all(ObjectKind.INDEX).stream()
                        .anyMatch(other -> on(other).equals(parent) && method(other).equals(method(index))))
                .isPresent();
    }

    /** @return the table of {@code CREATE [UNIQUE] INDEX name ON [ONLY] table USING ...} */
    private static String on(SchemaObject index) {
        String definition = index.properties().get(DEFINITION);
        String afterOn = definition.substring(definition.indexOf(" ON ") + 4).replaceFirst("^ONLY ", "");
        return afterOn.substring(0, afterOn.indexOf(" USING "));
    }

    /** @return {@code USING ...} to the end: what an index is, whatever its name and table */
    private static String method(SchemaObject index) {
        String definition = index.properties().get(DEFINITION);
        return definition.substring(definition.indexOf(" USING ")) + definition.startsWith("CREATE UNIQUE");
    }
}
