package dev.retort.internal.ddl;

import dev.retort.schema.ObjectKind;
import dev.retort.schema.SchemaChange;
import dev.retort.schema.SchemaChange.Type;
import dev.retort.schema.SchemaObject;
import org.jspecify.annotations.Nullable;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Enum, domain and composite types. */
final class Types {

    private final Changes changes;
    private final Script script;

    Types(Changes changes, Script script) {
        this.changes = changes;
        this.script = script;
    }

    /** Drops the types that go: composites and domains, then enums, which they may use. */
    void drop() {
        changes.of(ObjectKind.COMPOSITE_TYPE, Type.REMOVED).forEach(t -> script.add("DROP TYPE " + t.name()));
        changes.of(ObjectKind.DOMAIN, Type.REMOVED).forEach(t -> script.add("DROP DOMAIN " + t.name()));
        changes.of(ObjectKind.ENUM, Type.REMOVED).forEach(t -> script.add("DROP TYPE " + t.name()));
    }

    /** Creates and alters types: enums first, then domains and composites, which may use them. */
    void createAndAlter() {
        changes.of(ObjectKind.ENUM, Type.ADDED, Type.CHANGED).forEach(this::enumType);
        changes.of(ObjectKind.DOMAIN, Type.ADDED, Type.CHANGED).forEach(this::domain);
        changes.of(ObjectKind.COMPOSITE_TYPE, Type.ADDED, Type.CHANGED).forEach(this::composite);
    }

    private void enumType(SchemaChange type) {
        if (type.type() == Type.ADDED) {
            script.add("CREATE TYPE " + type.name() + " AS ENUM (" + type.after().get("labels") + ")");
        } else if (Changes.differs(type, "labels")) {
            addLabels(type, labels(type.before().get("labels")), labels(type.after().get("labels")));
        }
        Comments.write(type, script);
    }

    /**
     * Labels are added where they can be ({@code ALTER TYPE ... ADD VALUE}, placed before or after
     * a label that stays); a removed or reordered label needs the type swapped.
     */
    private void addLabels(SchemaChange type, List<String> was, List<String> is) {
        if (swapped(was, is)) {
            swap(type);
            return;
        }
        for (int i = 0; i < is.size(); i++) {
            if (!was.contains(is.get(i))) {
                String place = i == 0 ? (is.size() > 1 ? " BEFORE " + is.get(1) : "") : " AFTER " + is.get(i - 1);
                script.add("ALTER TYPE " + type.name() + " ADD VALUE " + is.get(i) + place);
                script.outsideTransaction();
            }
        }
    }

    /** @return whether going from one list of labels to the other removes or reorders any */
    static boolean swapped(List<String> was, List<String> is) {
        return !is.containsAll(was) || !is.stream().filter(was::contains).toList().equals(was);
    }

    /**
     * Swaps an enum for a new one with the new labels: the old renamed, the new created, each
     * column that uses it converted through text (its default set again, since a default is bound
     * to the old type), the old dropped. Views over those columns are rebuilt ({@link Views}).
     * Functions, domains and composite types that use the type would keep the old one, so a type
     * they use is refused.
     */
    private void swap(SchemaChange type) {
        List<String> users = changes.typeUsers(type.name());
        if (!users.isEmpty()) {
            String verb = users.size() == 1 ? " uses" : " use";
            script.unsupported(type.title(), "labels removed or reordered (" + type.before().get("labels") + " -> "
                    + type.after().get("labels") + ") while " + String.join(", ", users) + verb + " it; create a new"
                    + " type, convert each column with ALTER TABLE ... TYPE new_type USING column::text::new_type,"
                    + " recreate what uses it, drop the old type and rename the new one");
            return;
        }
        String old = Identifiers.last(type.name()).replace("\"", "") + "__retort_old";
        script.add("ALTER TYPE " + type.name() + " RENAME TO " + old);
        script.add("CREATE TYPE " + type.name() + " AS ENUM (" + type.after().get("labels") + ")");
        for (SchemaObject column : changes.columnsOfType(type.name())) {
            String alter = "ALTER TABLE " + Identifiers.owner(column.name()) + " ALTER COLUMN "
                    + Identifiers.last(column.name());
            String columnType = column.properties().get("type");
            String defaultValue = column.properties().get("default");
            if (defaultValue != null) {
                script.add(alter + " DROP DEFAULT");
            }
            script.add(alter + " TYPE " + columnType + " USING " + Identifiers.last(column.name()) + "::text::"
                    + columnType, "converts " + column.name() + " to the new labels; a row holding a label that is"
                    + " gone makes this statement fail");
            if (defaultValue != null) {
                script.add(alter + " SET DEFAULT " + defaultValue);
            }
        }
        script.add("DROP TYPE " + schemaOf(type.name()) + old);
    }

    private static String schemaOf(String name) {
        String owner = Identifiers.owner(name);
        return owner.isEmpty() ? "" : owner + ".";
    }

    /** @return the labels of a {@code labels} property, each still a quoted literal */
    static List<String> labels(String labels) {
        return labels.isEmpty() ? List.of() : Arrays.asList(labels.split(", (?=(?:[^']*'[^']*')*[^']*$)"));
    }

    private void domain(SchemaChange domain) {
        Map<String, String> is = domain.after();
        Map<String, String> constraints = constraints(is.get("constraints"));
        if (domain.type() == Type.ADDED) {
            StringBuilder create = new StringBuilder("CREATE DOMAIN " + domain.name() + " AS " + is.get("type"));
            if (is.containsKey("default")) {
                create.append(" DEFAULT ").append(is.get("default"));
            }
            if (is.containsKey("not null")) {
                create.append(" NOT NULL");
            }
            constraints.forEach((name, check) -> create.append(" CONSTRAINT ").append(name).append(' ').append(check));
            script.add(create.toString());
        } else {
            alterDomain(domain, constraints);
        }
        Comments.write(domain, script);
    }

    private void alterDomain(SchemaChange domain, Map<String, String> constraints) {
        String alter = "ALTER DOMAIN " + domain.name();
        if (Changes.differs(domain, "type")) {
            script.unsupported(domain.title(), "its base type differs; create a new domain, convert the columns"
                    + " that use it, and drop the old one");
            return;
        }
        if (Changes.differs(domain, "default")) {
            script.add(alter + (domain.after().containsKey("default") ? " SET DEFAULT " + domain.after().get("default")
                    : " DROP DEFAULT"));
        }
        if (Changes.differs(domain, "not null")) {
            script.add(alter + (domain.after().containsKey("not null") ? " SET NOT NULL" : " DROP NOT NULL"));
        }
        Map<String, String> before = constraints(domain.before().get("constraints"));
        before.forEach((name, check) -> {
            if (!check.equals(constraints.get(name))) {
                script.add(alter + " DROP CONSTRAINT " + name);
            }
        });
        constraints.forEach((name, check) -> {
            if (!check.equals(before.get(name))) {
                script.add(alter + " ADD CONSTRAINT " + name + " " + check);
            }
        });
    }

    /** @return a domain's constraints, by name: the property holds {@code name definition; ...} */
    private static Map<String, String> constraints(@Nullable String property) {
        Map<String, String> constraints = new LinkedHashMap<>();
        if (property != null) {
            for (String constraint : property.split("; (?=\\S+ (CHECK|NOT NULL))")) {
                int space = constraint.indexOf(' ');
                constraints.put(constraint.substring(0, space), constraint.substring(space + 1));
            }
        }
        return constraints;
    }

    private void composite(SchemaChange type) {
        if (type.type() == Type.ADDED) {
            script.add("CREATE TYPE " + type.name() + " AS (" + type.after().get("attributes") + ")");
        } else if (Changes.differs(type, "attributes")) {
            Map<String, String> was = attributes(type.before().get("attributes"));
            Map<String, String> is = attributes(type.after().get("attributes"));
            List<String> actions = new ArrayList<>();
            was.keySet().stream().filter(a -> !is.containsKey(a)).forEach(a -> actions.add("DROP ATTRIBUTE " + a));
            is.forEach((name, attributeType) -> {
                if (!was.containsKey(name)) {
                    actions.add("ADD ATTRIBUTE " + name + " " + attributeType);
                } else if (!Objects.equals(was.get(name), attributeType)) {
                    actions.add("ALTER ATTRIBUTE " + name + " TYPE " + attributeType);
                }
            });
            script.add("ALTER TYPE " + type.name() + " " + String.join(", ", actions));
        }
        Comments.write(type, script);
    }

    /** @return a composite's attributes, in order: the property holds {@code name type, ...} */
    private static Map<String, String> attributes(String property) {
        Map<String, String> attributes = new LinkedHashMap<>();
        if (!property.isEmpty()) {
            for (String attribute : property.split(", (?![^(]*\\))")) {
                int space = attribute.indexOf(' ');
                attributes.put(attribute.substring(0, space), attribute.substring(space + 1));
            }
        }
        return attributes;
    }
}
