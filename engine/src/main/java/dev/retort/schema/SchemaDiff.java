package dev.retort.schema;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

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
        Map<Key, SchemaObject> before = byKey(first);
        Map<Key, SchemaObject> after = byKey(second);
        TreeSet<Key> keys = new TreeSet<>(before.keySet());
        keys.addAll(after.keySet());
        List<SchemaChange> changes = new ArrayList<>();
        for (Key key : keys) {
            SchemaObject was = before.get(key);
            SchemaObject is = after.get(key);
            if (was == null || is == null || !was.comparedProperties().equals(is.comparedProperties())) {
                changes.add(SchemaChange.of(key.kind(), key.name(), was == null ? null : was.properties(),
                        is == null ? null : is.properties()));
            }
        }
        return new SchemaDiff(changes);
    }

    private static Map<Key, SchemaObject> byKey(SchemaSnapshot snapshot) {
        Map<Key, SchemaObject> byKey = new HashMap<>();
        snapshot.objects().forEach(object -> byKey.put(new Key(object.kind(), object.name()), object));
        return byKey;
    }

    /** What identifies an object across snapshots; sorts as a snapshot does, by kind, then name. */
    private record Key(ObjectKind kind, String name) implements Comparable<Key> {

        @Override
        public int compareTo(Key other) {
            int byKind = kind.compareTo(other.kind);
            return byKind != 0 ? byKind : name.compareTo(other.name);
        }
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
