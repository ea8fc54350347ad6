package dev.retort.internal.ddl;

import dev.retort.schema.ObjectKind;
import dev.retort.schema.SchemaChange;
import dev.retort.schema.SchemaChange.Type;
import dev.retort.schema.SchemaObject;
import org.jspecify.annotations.Nullable;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import static dev.retort.internal.ddl.Changes.DEFINITION;

/** Tables, their columns and their constraints. */
final class Tables {

    private static final String NOT_VALID = " NOT VALID";
    /** Type changes that keep every value: a longer varchar, text, a wider integer. */
    private static final List<Pattern> WIDENINGS = List.of(
            Pattern.compile("character varying(\\(\\d+\\))? -> (text|character varying(\\(\\d+\\))?)"),
            Pattern.compile("smallint -> (integer|bigint|numeric)"),
            Pattern.compile("integer -> (bigint|numeric)"),
            Pattern.compile("bigint -> numeric"),
            Pattern.compile("real -> double precision"),
            Pattern.compile("timestamp without time zone -> timestamp with time zone"));

    private final Changes changes;
    private final Script script;

    Tables(Changes changes, Script script) {
        this.changes = changes;
        this.script = script;
    }

    /** Drops foreign keys first, then the other removed or rewritten constraints of tables that stay. */
    void dropConstraints() {
        List<SchemaChange> dropped = changes.of(ObjectKind.CONSTRAINT, Type.REMOVED, Type.CHANGED).stream()
                .filter(c -> c.type() == Type.REMOVED || rewritten(c)).toList();
        // A foreign key goes even with its table, since the table it references may go first.
        dropped.stream().sorted((a, b) -> Boolean.compare(!foreignKey(a.before()), !foreignKey(b.before())))
                .filter(c -> foreignKey(c.before()) || !changes.tableRemoved(table(c)))
                .forEach(c -> script.add("ALTER TABLE " + table(c) + " DROP CONSTRAINT " + Identifiers.last(c.name())));
    }

    /** Drops the columns that go, of tables that stay, and the tables that go (partitions with their parent). */
    void dropColumnsAndTables() {
        for (SchemaChange column : changes.of(ObjectKind.COLUMN, Type.REMOVED)) {
            if (!changes.tableRemoved(table(column))) {
                script.add("ALTER TABLE " + table(column) + " DROP COLUMN " + Identifiers.last(column.name()),
                        "drops column " + column.name() + " and its values");
            }
        }
        for (SchemaChange table : changes.of(ObjectKind.TABLE, Type.REMOVED)) {
            String parent = parent(table.before());
            if (parent == null || !changes.tableRemoved(parent)) {
                script.add("DROP TABLE " + table.name(), "drops table " + table.name() + " and its rows");
            }
        }
    }

    /** Creates the new tables (parents before partitions), then alters the tables that stay. */
    void createAndAlterTables() {
        List<SchemaChange> added = new ArrayList<>(changes.of(ObjectKind.TABLE, Type.ADDED));
        added.sort((a, b) -> Boolean.compare(a.after().containsKey("partition of"), b.after().containsKey("partition of")));
        added.forEach(this::create);
        changes.of(ObjectKind.TABLE, Type.CHANGED).forEach(this::alter);
    }

    private void create(SchemaChange table) {
        String parent = parent(table.after());
        String persistence = table.after().containsKey("unlogged") ? "UNLOGGED " : "";
        if (parent != null) {
            script.add("CREATE " + persistence + "TABLE " + table.name() + " PARTITION OF "
                    + table.after().get("partition of"));
        } else {
            List<String> lines = new ArrayList<>();
            Changes.partsOf(changes.to(), ObjectKind.COLUMN, table.name())
                    .forEach(column -> lines.add(Identifiers.last(column.name()) + " " + columnSpec(column.properties())));
            Changes.partsOf(changes.to(), ObjectKind.CONSTRAINT, table.name()).stream().filter(Tables::inline)
                    .forEach(c -> lines.add("CONSTRAINT " + Identifiers.last(c.name()) + " "
                            + c.properties().get(DEFINITION)));
            String partitioned = table.after().get("partitioned by");
            script.add("CREATE " + persistence + "TABLE " + table.name() + " (\n    " + String.join(",\n    ", lines)
                    + "\n)" + (partitioned == null ? "" : " PARTITION BY " + partitioned));
        }
        if (table.after().containsKey("row level security")) {
            rowLevelSecurity(table.name(), null, table.after().get("row level security"));
        }
        Comments.write(table, script);
        Changes.partsOf(changes.to(), ObjectKind.COLUMN, table.name()).stream()
                .filter(column -> column.properties().containsKey("comment"))
                .forEach(column -> Comments.write(Comments.creation(column), script));
    }

    private void alter(SchemaChange table) {
        if (Changes.differs(table, "partitioned by", "partition of")) {
            script.unsupported(table.title(), "its partitioning differs; create the new table, copy the rows and"
                    + " swap the names by hand");
        }
        if (Changes.differs(table, "unlogged")) {
            script.add("ALTER TABLE " + table.name() + (table.after().containsKey("unlogged") ? " SET UNLOGGED"
                    : " SET LOGGED"));
        }
        if (Changes.differs(table, "row level security")) {
            rowLevelSecurity(table.name(), table.before().get("row level security"),
                    table.after().get("row level security"));
        }
        Comments.write(table, script);
    }

    private void rowLevelSecurity(String table, @Nullable String was, @Nullable String is) {
        if (is == null) {
            script.add("ALTER TABLE " + table + " DISABLE ROW LEVEL SECURITY");
            if ("forced".equals(was)) {
                script.add("ALTER TABLE " + table + " NO FORCE ROW LEVEL SECURITY");
            }
            return;
        }
        if (was == null) {
            script.add("ALTER TABLE " + table + " ENABLE ROW LEVEL SECURITY");
        }
        if ("forced".equals(is) != "forced".equals(was)) {
            script.add("ALTER TABLE " + table + ("forced".equals(is) ? " FORCE" : " NO FORCE") + " ROW LEVEL SECURITY");
        }
    }

    /** Adds the new columns of tables that stay, in their order, and alters the changed ones. */
    void addAndAlterColumns() {
        List<SchemaChange> added = changes.of(ObjectKind.COLUMN, Type.ADDED).stream()
                .filter(c -> !changes.tableAdded(table(c)))
                .sorted(Comparator.comparingInt(c -> Changes.position(c.after()))).toList();
        for (SchemaChange column : added) {
            script.add("ALTER TABLE " + table(column) + " ADD COLUMN " + Identifiers.last(column.name()) + " "
                    + columnSpec(column.after()));
            Comments.write(column, script);
        }
        changes.of(ObjectKind.COLUMN, Type.CHANGED).forEach(this::alterColumn);
    }

    private void alterColumn(SchemaChange column) {
        String alter = "ALTER TABLE " + table(column) + " ALTER COLUMN " + Identifiers.last(column.name());
        Map<String, String> was = column.before();
        Map<String, String> is = column.after();
        if (Changes.differs(column, "generated")) {
            script.unsupported(column.title(), "its generation expression differs; drop the column and add it"
                    + " again with the new expression");
            return;
        }
        if (Changes.differs(column, "identity") && was.containsKey("identity")) {
            script.add(alter + (is.containsKey("identity") ? " SET GENERATED " + identity(is) : " DROP IDENTITY"));
        }
        if (Changes.differs(column, "default") && was.containsKey("default")) {
            script.add(alter + " DROP DEFAULT");
        }
        if (Changes.differs(column, "type", "collation")) {
            String type = is.get("type") + collation(is);
            boolean widening = widening(was.get("type"), is.get("type"));
            // A widening has an implicit cast; any other change may need the explicit one.
            script.add(alter + " TYPE " + type + (widening || !Changes.differs(column, "type") ? ""
                            : " USING " + Identifiers.last(column.name()) + "::" + is.get("type")),
                    widening ? null : "changes the type of " + column.name() + " from " + was.get("type") + " to "
                            + is.get("type") + "; values that do not fit fail the statement or are converted");
        }
        if (Changes.differs(column, "default") && is.containsKey("default")) {
            script.add(alter + " SET DEFAULT " + is.get("default"));
        }
        if (Changes.differs(column, "not null")) {
            script.add(alter + (is.containsKey("not null") ? " SET NOT NULL" : " DROP NOT NULL"));
        }
        if (Changes.differs(column, "identity") && !was.containsKey("identity")) {
            script.add(alter + " ADD GENERATED " + identity(is) + " AS IDENTITY");
        }
        Comments.write(column, script);
    }

    private static boolean widening(@Nullable String was, @Nullable String is) {
        String change = was + " -> " + is;
        if (WIDENINGS.stream().anyMatch(p -> p.matcher(change).matches())) {
            return !was.startsWith("character varying(") || !is.startsWith("character varying(")
                    || length(is) >= length(was);
        }
        return false;
    }

    private static int length(String varchar) {
        return Integer.parseInt(varchar.replaceAll("\\D", ""));
    }

    /** Adds the new and rewritten constraints: keys, checks and exclusions first, then foreign keys. */
    void addConstraints() {
        List<SchemaChange> added = new ArrayList<>();
        for (SchemaChange constraint : changes.of(ObjectKind.CONSTRAINT, Type.ADDED, Type.CHANGED)) {
            if (constraint.type() == Type.CHANGED && validatedOnly(constraint)) {
                script.add("ALTER TABLE " + table(constraint) + " VALIDATE CONSTRAINT "
                        + Identifiers.last(constraint.name()));
            } else if (constraint.type() == Type.ADDED ? !createdWithTable(constraint) : rewritten(constraint)) {
                added.add(constraint);
            }
        }
        added.sort((a, b) -> Boolean.compare(foreignKey(a.after()), foreignKey(b.after())));
        for (SchemaChange constraint : added) {
            script.add("ALTER TABLE " + table(constraint) + " ADD CONSTRAINT " + Identifiers.last(constraint.name())
                    + " " + constraint.after().get(DEFINITION));
        }
        changes.of(ObjectKind.CONSTRAINT, Type.ADDED, Type.CHANGED).forEach(c -> Comments.write(c, script));
    }

    /** Whether a new table's constraint was written inside its CREATE TABLE, or comes with its parent. */
    private boolean createdWithTable(SchemaChange constraint) {
        String table = table(constraint);
        if (!changes.tableAdded(table)) {
            return false;
        }
        String parent = parent(changes.to().find(ObjectKind.TABLE, table).orElseThrow().properties());
        if (parent == null) {
            return inline(changes.to().find(ObjectKind.CONSTRAINT, constraint.name()).orElseThrow());
        }
        return Changes.partsOf(changes.to(), ObjectKind.CONSTRAINT, parent).stream()
                .anyMatch(c -> c.properties().get(DEFINITION).equals(constraint.after().get(DEFINITION)));
    }

    private static boolean inline(SchemaObject constraint) {
        String definition = constraint.properties().get(DEFINITION);
        return !definition.endsWith(NOT_VALID) && (definition.startsWith("PRIMARY KEY")
                || definition.startsWith("UNIQUE") || definition.startsWith("CHECK"));
    }

    private static boolean rewritten(SchemaChange constraint) {
        return Changes.differs(constraint, DEFINITION, "deferrable") && !validatedOnly(constraint);
    }

    private static boolean validatedOnly(SchemaChange constraint) {
        String was = constraint.before().get(DEFINITION);
        return was != null && was.endsWith(NOT_VALID)
                && was.substring(0, was.length() - NOT_VALID.length()).equals(constraint.after().get(DEFINITION))
                && !Changes.differs(constraint, "deferrable");
    }

    private static boolean foreignKey(Map<String, String> constraint) {
        return constraint.getOrDefault(DEFINITION, "").startsWith("FOREIGN KEY");
    }

    /** @return a column as CREATE TABLE and ADD COLUMN write it: type, collation, generation, default, identity, NOT NULL */
    static String columnSpec(Map<String, String> column) {
        StringBuilder spec = new StringBuilder(column.get("type")).append(collation(column));
        Optional.ofNullable(column.get("generated")).ifPresent(g -> spec.append(" GENERATED ALWAYS AS (")
                .append(g.substring("stored as ".length())).append(") STORED"));
        Optional.ofNullable(column.get("default")).ifPresent(d -> spec.append(" DEFAULT ").append(d));
        if (column.containsKey("identity")) {
            spec.append(" GENERATED ").append(identity(column)).append(" AS IDENTITY");
        }
        if (column.containsKey("not null")) {
            spec.append(" NOT NULL");
        }
        return spec.toString();
    }

    private static String collation(Map<String, String> column) {
        String collation = column.get("collation");
        return collation == null ? "" : " COLLATE " + collation;
    }

    private static String identity(Map<String, String> column) {
        return "always".equals(column.get("identity")) ? "ALWAYS" : "BY DEFAULT";
    }

    /**
     * @return the parent table of a partition, as a snapshot names it (unqualified in the home
     *     schema, while the server's rendering qualifies it), or null for a table that is not a partition
     */
    private @Nullable String parent(Map<String, String> table) {
        String partitionOf = table.get("partition of");
        if (partitionOf == null) {
            return null;
        }
        return changes.tableName(partitionOf.substring(0, partitionOf.indexOf(' ')));
    }

    private static String table(SchemaChange part) {
        return Identifiers.owner(part.name());
    }
}
