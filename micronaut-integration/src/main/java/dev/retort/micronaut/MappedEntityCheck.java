package dev.retort.micronaut;

import dev.retort.schema.ObjectKind;
import dev.retort.schema.SchemaObject;
import dev.retort.schema.SchemaSnapshot;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.beans.BeanIntrospection;
import io.micronaut.core.beans.BeanIntrospector;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.model.Association;
import io.micronaut.data.model.Embedded;
import io.micronaut.data.model.naming.NamingStrategy;
import io.micronaut.data.model.runtime.RuntimePersistentEntity;
import io.micronaut.data.model.runtime.RuntimePersistentProperty;
import jakarta.inject.Singleton;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Compares each {@code @MappedEntity} with the schema, as Micronaut Data's runtime model sees it:
 * its table, a column per persisted property (the naming strategy applied), a type that holds the
 * property's data type, nullability, the identity as the primary key and, when the database
 * generates it, a default or identity on its column. Associations are checked for their column
 * only; embedded properties are not checked.
 */
@Singleton
@Requires(classes = MappedEntity.class)
final class MappedEntityCheck implements EntitySchemaCheck {

    /** Identifiers PostgreSQL's {@code quote_ident} leaves alone: lower case, no keyword that needs quotes. */
    private static final Pattern PLAIN = Pattern.compile("[a-z_][a-z0-9_$]*");
    private static final List<String> RESERVED = List.of("all", "and", "any", "array", "as", "asc", "both", "case",
            "check", "column", "constraint", "create", "default", "desc", "distinct", "do", "else", "end", "false",
            "for", "foreign", "from", "grant", "group", "having", "in", "into", "is", "limit", "not", "null", "offset",
            "on", "only", "or", "order", "primary", "references", "select", "table", "then", "to", "true", "union",
            "unique", "user", "using", "when", "where", "with");

    private final List<BeanIntrospection<Object>> all;

    /** Finds the entities here, on the thread that creates the bean: it reads service files, which must not happen on an event loop. */
    MappedEntityCheck() {
        this.all = BeanIntrospector.SHARED.findIntrospections(MappedEntity.class).stream()
                .sorted(Comparator.comparing(entity -> entity.getBeanType().getName()))
                .toList();
    }

    @Override
    public List<EntityMismatch> compare(SchemaSnapshot schema, List<String> packages) {
        List<EntityMismatch> mismatches = new ArrayList<>();
        entities(packages).forEach(entity -> compare(new RuntimePersistentEntity<>(entity), schema, mismatches));
        return mismatches;
    }

    @Override
    public boolean hasEntities(List<String> packages) {
        return !entities(packages).isEmpty();
    }

    private List<BeanIntrospection<Object>> entities(List<String> packages) {
        return all.stream().filter(entity -> packages.isEmpty() || packages.stream()
                        .anyMatch(p -> entity.getBeanType().getName().startsWith(p + ".")))
                .toList();
    }

    private static void compare(RuntimePersistentEntity<?> entity, SchemaSnapshot schema, List<EntityMismatch> out) {
        NamingStrategy naming = entity.getNamingStrategy();
        String table = quote(naming.mappedName(entity));
        String type = entity.getIntrospection().getBeanType().getName();
        List<RuntimePersistentProperty<?>> properties = properties(entity);
        if (schema.find(ObjectKind.TABLE, table).isEmpty()) {
            out.add(new EntityMismatch(type, "no table " + table, createTable(table, entity, properties)));
            return;
        }
        for (RuntimePersistentProperty<?> property : properties) {
            if (property instanceof Embedded || (property instanceof Association a && a.isForeignKey())) {
                continue;
            }
            String column = quote(columnName(naming, property));
            Optional<SchemaObject> found = schema.find(ObjectKind.COLUMN, table + "." + column);
            if (found.isEmpty()) {
                out.add(new EntityMismatch(type, "property " + property.getName() + ": no column " + table + "."
                        + column, "ALTER TABLE " + table + " ADD COLUMN " + column + " " + columnType(property)));
                continue;
            }
            if (!(property instanceof Association)) {
                compareColumn(type, table, column, property, found.get().properties(), out);
            }
        }
        RuntimePersistentProperty<?> identity = entity.getIdentity();
        if (identity != null) {
            compareIdentity(type, table, quote(naming.mappedName(identity)), identity, schema, out);
        }
    }

    private static void compareColumn(String type, String table, String column, RuntimePersistentProperty<?> property,
            Map<String, String> actual, List<EntityMismatch> out) {
        String alter = "ALTER TABLE " + table + " ALTER COLUMN " + column;
        String columnType = actual.get("type");
        if (!EntityColumnTypes.fits(property.getDataType(), columnType)) {
            String wanted = EntityColumnTypes.create(property.getDataType());
            out.add(new EntityMismatch(type, "property " + property.getName() + " (" + property.getDataType() + "): column "
                    + table + "." + column + " is " + columnType, alter + " TYPE " + wanted + " USING " + column + "::"
                    + wanted));
        }
        boolean notNull = actual.containsKey("not null");
        if (property.isOptional() && notNull && !property.isGenerated()) {
            out.add(new EntityMismatch(type, "property " + property.getName() + " may be null, column " + table + "."
                    + column + " is NOT NULL", alter + " DROP NOT NULL"));
        } else if (!property.isOptional() && !notNull) {
            out.add(new EntityMismatch(type, "property " + property.getName() + " is never null, column " + table + "."
                    + column + " allows NULL", alter + " SET NOT NULL"));
        }
    }

    private static void compareIdentity(String type, String table, String column, RuntimePersistentProperty<?> identity,
            SchemaSnapshot schema, List<EntityMismatch> out) {
        Optional<SchemaObject> found = schema.find(ObjectKind.COLUMN, table + "." + column);
        if (found.isEmpty()) {
            return;
        }
        boolean key = schema.all(ObjectKind.CONSTRAINT).stream()
                .filter(c -> c.name().startsWith(table + "."))
                .map(c -> c.properties().getOrDefault("definition", ""))
                .anyMatch(definition -> definition.matches("PRIMARY KEY \\(.*\\b" + Pattern.quote(column) + "\\b.*\\)"));
        if (!key) {
            out.add(new EntityMismatch(type, "identity " + identity.getName() + ": column " + table + "." + column
                    + " is not the table's primary key", "ALTER TABLE " + table + " ADD PRIMARY KEY (" + column + ")"));
        }
        Map<String, String> actual = found.get().properties();
        if (identity.isGenerated() && !actual.containsKey("identity") && !actual.containsKey("default")) {
            boolean uuid = "uuid".equals(actual.get("type"));
            out.add(new EntityMismatch(type, "identity " + identity.getName() + " is generated by the database, column "
                    + table + "." + column + " has no default or identity", "ALTER TABLE " + table + " ALTER COLUMN "
                    + column + (uuid ? " SET DEFAULT gen_random_uuid()" : " ADD GENERATED BY DEFAULT AS IDENTITY")));
        }
    }

    private static List<RuntimePersistentProperty<?>> properties(RuntimePersistentEntity<?> entity) {
        List<RuntimePersistentProperty<?>> properties = new ArrayList<>();
        if (entity.getIdentity() != null) {
            properties.add(entity.getIdentity());
        }
        properties.addAll(entity.getPersistentProperties());
        return properties;
    }

    private static String createTable(String table, RuntimePersistentEntity<?> entity,
            List<RuntimePersistentProperty<?>> properties) {
        List<String> columns = new ArrayList<>();
        for (RuntimePersistentProperty<?> property : properties) {
            if (!(property instanceof Embedded) && !(property instanceof Association a && a.isForeignKey())) {
                String generated = property != entity.getIdentity() || !property.isGenerated() ? ""
                        : EntityColumnTypes.create(property.getDataType()).equals("uuid") ? " DEFAULT gen_random_uuid()"
                        : " GENERATED BY DEFAULT AS IDENTITY";
                columns.add(quote(columnName(entity.getNamingStrategy(), property)) + " " + columnType(property)
                        + generated);
            }
        }
        RuntimePersistentProperty<?> identity = entity.getIdentity();
        if (identity != null) {
            columns.add("PRIMARY KEY (" + quote(entity.getNamingStrategy().mappedName(identity)) + ")");
        }
        return "CREATE TABLE " + table + " (" + String.join(", ", columns) + ")";
    }

    /** @return the column's name; a to-one association's is its foreign key's, e.g. {@code author_id} */
    private static String columnName(NamingStrategy naming, RuntimePersistentProperty<?> property) {
        return property instanceof Association association ? naming.mappedName(association) : naming.mappedName(property);
    }

    private static String columnType(RuntimePersistentProperty<?> property) {
        String type = property instanceof Association ? "bigint" : EntityColumnTypes.create(property.getDataType());
        return type + (property.isOptional() ? "" : " NOT NULL");
    }

    /** @return the identifier as a snapshot names it: as it is when plain, else double-quoted */
    private static String quote(String identifier) {
        return PLAIN.matcher(identifier).matches() && !RESERVED.contains(identifier) ? identifier
                : "\"" + identifier.replace("\"", "\"\"") + "\"";
    }
}
