package dev.retort.schema;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * What differs between two snapshots, object by object, in the snapshots' order.
 *
 * @param changes the differences; empty when the schemas are the same
 */
public record SchemaDiff(List<SchemaChange> changes) {

    /** Copies the list so the record stays immutable. */
    public SchemaDiff {
        changes = List.copyOf(changes);
    }

    /**
     * @param first  the schema to go from
     * @param second the schema to go to
     * @return what is added, removed or changed going from {@code first} to {@code second}
     */
    public static SchemaDiff between(SchemaSnapshot first, SchemaSnapshot second) {
        Map<String, SchemaObject> before = byKey(first);
        Map<String, SchemaObject> after = byKey(second);
        TreeMap<String, ObjectKind> keys = new TreeMap<>();
        before.forEach((key, object) -> keys.put(key, object.kind()));
        after.forEach((key, object) -> keys.put(key, object.kind()));
        List<SchemaChange> changes = new ArrayList<>();
        keys.forEach((key, kind) -> {
            SchemaObject was = before.get(key);
            SchemaObject is = after.get(key);
            if (was == null || is == null || !Objects.equals(was.properties(), is.properties())) {
                String name = (was != null ? was : is).name();
                changes.add(SchemaChange.of(kind, name, was == null ? null : was.properties(),
                        is == null ? null : is.properties()));
            }
        });
        return new SchemaDiff(changes);
    }

    /** Keys sort as the snapshot does: by kind, then name. */
    private static Map<String, SchemaObject> byKey(SchemaSnapshot snapshot) {
        Map<String, SchemaObject> byKey = new TreeMap<>();
        for (SchemaObject object : snapshot.objects()) {
            byKey.put(String.format("%02d", object.kind().ordinal()) + " " + object.name(), object);
        }
        return byKey;
    }

    /** @return whether the two schemas are the same */
    public boolean isEmpty() {
        return changes.isEmpty();
    }

    /**
     * @param first  what the first snapshot is, e.g. {@code the migrations}
     * @param second what the second is, e.g. {@code the database}
     * @return one line per change
     */
    public List<String> describe(String first, String second) {
        return changes.stream().map(change -> change.describe(first, second)).toList();
    }
}
