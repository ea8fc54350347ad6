package dev.retort.schema;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a database's schema consists of, read from its catalogs in one go: extensions, types,
 * sequences, tables and their columns, constraints and indexes, views, functions, triggers and
 * policies. Retort's own tables, objects that belong to an extension and system schemas are left
 * out. Immutable; objects are sorted by kind, then name, so that two snapshots of the same schema
 * are equal and print the same.
 *
 * @param objects the objects, sorted
 */
public record SchemaSnapshot(List<SchemaObject> objects) {

    /** The property every table has, so that a table without others is still an object; not shown. */
    private static final String EXISTS = "exists";

    private static final Comparator<SchemaObject> ORDER = Comparator.comparing(SchemaObject::kind)
            .thenComparing(SchemaObject::name);

    /** Sorts and copies the objects. */
    public SchemaSnapshot {
        List<SchemaObject> sorted = new ArrayList<>(objects);
        sorted.sort(ORDER);
        objects = List.copyOf(sorted);
    }

    /**
     * @param kind a kind
     * @param name a name, as {@link SchemaObject#name()} gives it
     * @return the object, if the schema has it
     */
    public Optional<SchemaObject> find(ObjectKind kind, String name) {
        return objects.stream().filter(o -> o.kind() == kind && o.name().equals(name)).findFirst();
    }

    /**
     * @param kind a kind
     * @return the objects of that kind, sorted by name
     */
    public List<SchemaObject> all(ObjectKind kind) {
        return objects.stream().filter(o -> o.kind() == kind).toList();
    }

    /**
     * @return the snapshot for people: each object's title, then its properties indented, a
     *     multi-line value (a function's body) indented further; a table's {@code exists} marker and a
     *     column's position left out
     */
    public String text() {
        StringBuilder text = new StringBuilder();
        for (SchemaObject object : objects) {
            text.append(object.title()).append('\n');
            for (Map.Entry<String, String> property : object.properties().entrySet()) {
                if (property.getKey().equals(EXISTS) || property.getKey().equals(SchemaObject.POSITION)) {
                    continue;
                }
                text.append("  ").append(property.getKey()).append(": ")
                        .append(property.getValue().strip().replace("\n", "\n      ")).append('\n');
            }
        }
        return text.toString();
    }
}
