package dev.retort.internal.ddl;

import dev.retort.schema.ObjectKind;
import dev.retort.schema.SchemaChange;
import dev.retort.schema.SchemaChange.Type;
import dev.retort.schema.SchemaDiff;
import dev.retort.schema.SchemaObject;
import dev.retort.schema.SchemaSnapshot;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** The two snapshots and their differences, with the look-ups the writers share. */
final class Changes {

    /** The property that holds a constraint's, index's, view's, routine's or trigger's rendered definition. */
    static final String DEFINITION = "definition";

    private final SchemaSnapshot from;
    private final SchemaSnapshot to;
    private final List<SchemaChange> all;

    Changes(SchemaSnapshot from, SchemaSnapshot to) {
        this.from = from;
        this.to = to;
        this.all = SchemaDiff.between(from, to).changes();
    }

    SchemaSnapshot from() {
        return from;
    }

    SchemaSnapshot to() {
        return to;
    }

    /** @return the changes of that kind and of one of those types, sorted by name */
    List<SchemaChange> of(ObjectKind kind, Type... types) {
        Set<Type> wanted = Set.of(types);
        return all.stream().filter(c -> c.kind() == kind && wanted.contains(c.type())).toList();
    }

    /** @return the names of the objects of that kind with one of those types of change */
    Set<String> names(ObjectKind kind, Type... types) {
        return of(kind, types).stream().map(SchemaChange::name).collect(Collectors.toSet());
    }

    /** @return whether the table is only in the first snapshot */
    boolean tableRemoved(String table) {
        return from.find(ObjectKind.TABLE, table).isPresent() && to.find(ObjectKind.TABLE, table).isEmpty();
    }

    /** @return whether the table is only in the second snapshot */
    boolean tableAdded(String table) {
        return to.find(ObjectKind.TABLE, table).isPresent() && from.find(ObjectKind.TABLE, table).isEmpty();
    }

    /** @return the parts (columns, constraints ...) of a table in a snapshot, columns in their order */
    static List<SchemaObject> partsOf(SchemaSnapshot snapshot, ObjectKind kind, String table) {
        return snapshot.all(kind).stream().filter(o -> Identifiers.owner(o.name()).equals(table))
                .sorted(Comparator.comparingInt((SchemaObject o) -> position(o.properties()))
                        .thenComparing(SchemaObject::name))
                .toList();
    }

    /** @return a column's position, or 0 for objects without one (a snapshot written before positions) */
    static int position(Map<String, String> properties) {
        String position = properties.get(SchemaObject.POSITION);
        return position == null ? 0 : Integer.parseInt(position);
    }

    /**
     * @param qualified a table's name as the server renders it in a definition, qualified even in
     *                  the home schema (e.g. {@code public.events})
     * @return its name as the snapshots write it: unqualified in the home schema
     */
    String tableName(String qualified) {
        boolean named = to.find(ObjectKind.TABLE, qualified).isPresent()
                || from.find(ObjectKind.TABLE, qualified).isPresent();
        return named ? qualified : Identifiers.last(qualified);
    }

    /**
     * @param type a type's name as the snapshot writes it, e.g. {@code mood} or {@code audit.mood}
     * @return the columns of the second snapshot of that type, or of arrays of it
     */
    List<SchemaObject> columnsOfType(String type) {
        return to.all(ObjectKind.COLUMN).stream().filter(c -> isType(c.properties().get("type"), type)).toList();
    }

    /**
     * @param type a type's name as the snapshot writes it
     * @return the functions, procedures, domains and composite types of the second snapshot that
     *     name the type, by title
     */
    List<String> typeUsers(String type) {
        return to.objects().stream().filter(o -> usesType(o, type)).map(SchemaObject::title).toList();
    }

    /** Whether a routine's signature or result, a domain's base type or a composite's attributes name the type. */
    private static boolean usesType(SchemaObject object, String type) {
        return switch (object.kind()) {
            case FUNCTION, PROCEDURE -> Identifiers.mentions(object.name(), type) || object.properties()
                    .getOrDefault(DEFINITION, "").lines().filter(line -> line.startsWith(" RETURNS "))
                    .anyMatch(line -> Identifiers.mentions(line, type));
            case DOMAIN -> Identifiers.mentions(object.properties().getOrDefault("type", ""), type);
            case COMPOSITE_TYPE -> Identifiers.mentions(object.properties().getOrDefault("attributes", ""), type);
            default -> false;
        };
    }

    /** Whether a column type the server rendered ({@code public.mood}, {@code public.mood[]}) is the named type. */
    private static boolean isType(String rendered, String type) {
        String base = rendered.endsWith("[]") ? rendered.substring(0, rendered.length() - 2) : rendered;
        return base.equals(type) || (!type.contains(".") && Identifiers.last(base).equals(type)
                && Identifiers.split(base).size() == 2);
    }

    /** @return the tables of the second snapshot with a column whose enum type is swapped for a new one */
    Set<String> tablesOfSwappedEnums() {
        return of(ObjectKind.ENUM, Type.CHANGED).stream()
                .filter(e -> Types.swapped(labels(e.before()), labels(e.after())))
                .flatMap(e -> columnsOfType(e.name()).stream())
                .map(c -> Identifiers.owner(c.name())).collect(Collectors.toSet());
    }

    private static List<String> labels(Map<String, String> enumType) {
        return Types.labels(enumType.getOrDefault("labels", ""));
    }

    /** @return whether any of the properties differs between the change's two sides */
    static boolean differs(SchemaChange change, String... properties) {
        return Arrays.stream(properties).anyMatch(change.differingProperties()::contains);
    }
}
