package dev.retort.internal.ddl;

import dev.retort.schema.ObjectKind;
import dev.retort.schema.SchemaChange;
import dev.retort.schema.SchemaObject;
import org.jspecify.annotations.Nullable;

import java.util.Objects;
import java.util.TreeMap;

/** {@code COMMENT ON} for every kind that has a {@code comment} property. */
final class Comments {

    private static final String COMMENT = "comment";

    private Comments() {
    }

    /** Writes the comment the change's after side has, if it differs from the before side. */
    static void write(SchemaChange change, Script script) {
        String was = change.before().get(COMMENT);
        String is = change.after().get(COMMENT);
        if (!Objects.equals(was, is) && !change.after().isEmpty()) {
            script.add("COMMENT ON " + target(change.kind(), change.name()) + " IS " + literal(is));
        }
    }

    /** @return the change that creates the object, for its comment when it is created (again) */
    static SchemaChange creation(SchemaObject object) {
        return new SchemaChange(object.kind(), object.name(), SchemaChange.Type.ADDED, new TreeMap<>(),
                object.properties());
    }

    private static String literal(@Nullable String comment) {
        return comment == null ? "NULL" : Literals.text(comment);
    }

    private static String target(ObjectKind kind, String name) {
        return switch (kind) {
            case CONSTRAINT, TRIGGER, POLICY -> Identifiers.keyword(kind) + " " + Identifiers.last(name) + " ON "
                    + Identifiers.owner(name);
            case ENUM, COMPOSITE_TYPE -> "TYPE " + name;
            default -> Identifiers.keyword(kind) + " " + name;
        };
    }
}
