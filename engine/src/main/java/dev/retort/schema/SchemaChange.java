package dev.retort.schema;

import org.jspecify.annotations.Nullable;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * One difference between two schemas: an object only one side has, or one whose properties
 * differ.
 *
 * @param kind   what the object is
 * @param name   its name
 * @param type   whether it was added, removed or changed, going from the first snapshot to the second
 * @param before its properties in the first snapshot (empty when added)
 * @param after  its properties in the second (empty when removed)
 */
public record SchemaChange(ObjectKind kind, String name, Type type, SortedMap<String, String> before,
        SortedMap<String, String> after) {

    /** Longer values, and values of more than one line, are named, not shown, when they differ. */
    private static final int SHOWN_VALUE_LENGTH = 60;

    /** Copies the maps so the record stays immutable. */
    public SchemaChange {
        before = new TreeMap<>(before);
        after = new TreeMap<>(after);
    }

    /** How an object differs. */
    public enum Type {
        /** Only the second snapshot has it. */
        ADDED,
        /** Only the first snapshot has it. */
        REMOVED,
        /** Both have it, with different properties. */
        CHANGED
    }

    /** @return {@code kind name}, e.g. {@code column candidates.version} */
    public String title() {
        return kind.label() + " " + name;
    }

    /** @return for a change, the properties whose values differ, sorted; empty for an addition or removal */
    public List<String> differingProperties() {
        if (type != Type.CHANGED) {
            return List.of();
        }
        TreeSet<String> names = new TreeSet<>(before.keySet());
        names.addAll(after.keySet());
        names.remove(SchemaObject.POSITION);
        return names.stream().filter(p -> !Objects.equals(before.get(p), after.get(p))).toList();
    }

    /**
     * @param first  what the first snapshot is, e.g. {@code the migrations}
     * @param second what the second is, e.g. {@code the database}
     * @return one line, e.g. {@code column candidates.nickname: in the database, not in the migrations}
     *     or {@code column candidates.version: type differs (the migrations: integer, the database: bigint)}
     */
    public String describe(String first, String second) {
        String title = title() + ": ";
        return switch (type) {
            case ADDED -> title + "in " + second + ", not in " + first;
            case REMOVED -> title + "in " + first + ", not in " + second;
            case CHANGED -> title + String.join("; ", differingProperties().stream()
                    .map(property -> differs(property, first, second)).toList());
        };
    }

    private String differs(String property, String first, String second) {
        String was = before.get(property);
        String is = after.get(property);
        if (shown(was) && shown(is)) {
            return property + " differs (" + first + ": " + show(was) + ", " + second + ": " + show(is) + ")";
        }
        return (property.equals("definition") && hasBody() ? "body" : property) + " differs";
    }

    /** A function's or a view's definition is a body of code; an index's or a trigger's is one clause. */
    private boolean hasBody() {
        return kind == ObjectKind.FUNCTION || kind == ObjectKind.PROCEDURE || kind == ObjectKind.VIEW
                || kind == ObjectKind.MATERIALIZED_VIEW;
    }

    private static boolean shown(@Nullable String value) {
        return value == null || (value.length() <= SHOWN_VALUE_LENGTH && value.indexOf('\n') < 0);
    }

    private static String show(@Nullable String value) {
        return value == null ? "none" : value;
    }

    static SchemaChange of(ObjectKind kind, String name, @Nullable Map<String, String> before,
            @Nullable Map<String, String> after) {
        Type type = before == null ? Type.ADDED : after == null ? Type.REMOVED : Type.CHANGED;
        return new SchemaChange(kind, name, type, new TreeMap<>(before == null ? Map.of() : before),
                new TreeMap<>(after == null ? Map.of() : after));
    }
}
