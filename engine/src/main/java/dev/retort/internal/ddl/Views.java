package dev.retort.internal.ddl;

import dev.retort.schema.ObjectKind;
import dev.retort.schema.SchemaChange;
import dev.retort.schema.SchemaChange.Type;
import dev.retort.schema.SchemaObject;
import dev.retort.schema.SchemaSnapshot;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static dev.retort.internal.ddl.Changes.DEFINITION;

/**
 * Views and materialized views. One whose query changes is dropped and created again, since
 * {@code CREATE OR REPLACE VIEW} cannot drop or retype columns; so is every view that reads a
 * table whose columns change type (PostgreSQL refuses to retype a column a view uses) or that
 * reads a view being rebuilt. Drops go dependents first; creations go dependencies first.
 */
final class Views {

    private static final List<ObjectKind> KINDS = List.of(ObjectKind.VIEW, ObjectKind.MATERIALIZED_VIEW);

    private final Changes changes;
    private final Script script;
    private final Set<String> rebuilt;

    Views(Changes changes, Script script) {
        this.changes = changes;
        this.script = script;
        this.rebuilt = rebuilt();
    }

    /** Drops the views that go and those rebuilt, each before the views it reads. */
    void drop() {
        Set<String> dropped = new TreeSet<>(rebuilt);
        KINDS.forEach(kind -> dropped.addAll(changes.names(kind, Type.REMOVED)));
        List<SchemaObject> order = dependenciesFirst(changes.from(), dropped);
        for (int i = order.size() - 1; i >= 0; i--) {
            SchemaObject view = order.get(i);
            script.add("DROP " + Identifiers.keyword(view.kind()) + " " + view.name());
        }
    }

    /** Creates the new views and those rebuilt, each after the views it reads. */
    void create() {
        Set<String> created = new TreeSet<>(rebuilt);
        KINDS.forEach(kind -> created.addAll(changes.names(kind, Type.ADDED)));
        for (SchemaObject view : dependenciesFirst(changes.to(), created)) {
            String query = view.properties().get(DEFINITION).strip();
            query = query.endsWith(";") ? query.substring(0, query.length() - 1) : query;
            script.add("CREATE " + Identifiers.keyword(view.kind()) + " " + view.name() + " AS\n" + query);
            Comments.write(Comments.creation(view), script);
        }
        KINDS.forEach(kind -> changes.of(kind, Type.CHANGED).stream().filter(v -> !rebuilt.contains(v.name()))
                .forEach(v -> Comments.write(v, script)));
    }

    /** @return the materialized views dropped and created again, whose indexes must be created again too */
    Set<String> rebuiltMaterialized() {
        return rebuilt.stream().filter(name -> changes.to().find(ObjectKind.MATERIALIZED_VIEW, name).isPresent())
                .collect(Collectors.toSet());
    }

    private Set<String> rebuilt() {
        Set<String> retyped = changes.of(ObjectKind.COLUMN, Type.CHANGED).stream()
                .filter(c -> Changes.differs(c, "type", "collation"))
                .map(c -> Identifiers.owner(c.name())).collect(Collectors.toCollection(HashSet::new));
        retyped.addAll(changes.tablesOfSwappedEnums());
        Set<String> rebuilt = new LinkedHashSet<>();
        KINDS.forEach(kind -> changes.of(kind, Type.CHANGED).stream().filter(v -> Changes.differs(v, DEFINITION))
                .forEach(v -> rebuilt.add(v.name())));
        boolean grew = true;
        while (grew) {
            grew = false;
            for (SchemaObject view : views(changes.from())) {
                boolean stays = views(changes.to()).stream().anyMatch(v -> v.name().equals(view.name()));
                if (stays && !rebuilt.contains(view.name()) && Stream.concat(retyped.stream(), rebuilt.stream())
                        .anyMatch(used -> Identifiers.mentions(view.properties().get(DEFINITION), used))) {
                    rebuilt.add(view.name());
                    grew = true;
                }
            }
        }
        return rebuilt;
    }

    private static List<SchemaObject> views(SchemaSnapshot snapshot) {
        return KINDS.stream().flatMap(kind -> snapshot.all(kind).stream()).toList();
    }

    /** @return the named views of the snapshot, each after every other one of them that it reads */
    private static List<SchemaObject> dependenciesFirst(SchemaSnapshot snapshot, Collection<String> names) {
        List<SchemaObject> pending = new ArrayList<>(views(snapshot).stream()
                .filter(v -> names.contains(v.name())).toList());
        List<SchemaObject> order = new ArrayList<>();
        while (!pending.isEmpty()) {
            SchemaObject next = pending.stream().filter(v -> pending.stream().noneMatch(other -> other != v
                    && Identifiers.mentions(v.properties().get(DEFINITION), other.name())))
                    .findFirst().orElse(pending.get(0));
            order.add(next);
            pending.remove(next);
        }
        return order;
    }
}
