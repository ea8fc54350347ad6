package dev.retort.schema;

import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;

/** The kinds of object a {@link SchemaSnapshot} holds, in the order it lists them. */
public enum ObjectKind {
    /** An installed extension. */
    EXTENSION("extension"),
    /** An enum type with its labels in order. */
    ENUM("enum"),
    /** A domain: a base type with a default, NOT NULL and checks. */
    DOMAIN("domain"),
    /** A composite type. */
    COMPOSITE_TYPE("composite type"),
    /** A sequence not owned by an identity column. */
    SEQUENCE("sequence"),
    /** A table, partitioned or not, logged or not. */
    TABLE("table"),
    /** A column of a table. */
    COLUMN("column"),
    /** A primary key, unique, foreign key, check or exclusion constraint. */
    CONSTRAINT("constraint"),
    /** An index that does not back a constraint. */
    INDEX("index"),
    /** A view. */
    VIEW("view"),
    /** A materialized view. */
    MATERIALIZED_VIEW("materialized view"),
    /** A function. */
    FUNCTION("function"),
    /** A procedure. */
    PROCEDURE("procedure"),
    /** A trigger, not one a constraint makes. */
    TRIGGER("trigger"),
    /** A row-level security policy. */
    POLICY("policy");

    private final String label;

    ObjectKind(String label) {
        this.label = label;
    }

    /** @return the name in output and JSON, e.g. {@code materialized view} */
    public String label() {
        return label;
    }

    /**
     * @param label a label as {@link #label()} gives it
     * @return the kind
     * @throws IllegalArgumentException for another label
     */
    public static ObjectKind of(String label) {
        ObjectKind kind = BY_LABEL.get(label);
        if (kind == null) {
            throw new IllegalArgumentException("Unknown object kind '" + label + "'");
        }
        return kind;
    }

    private static final Map<String, ObjectKind> BY_LABEL = Arrays.stream(values())
            .collect(Collectors.toUnmodifiableMap(ObjectKind::label, kind -> kind));
}
