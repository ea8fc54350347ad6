package dev.retort.cli.output;

import dev.retort.schema.ObjectKind;
import dev.retort.schema.SchemaObject;
import dev.retort.schema.SchemaSnapshot;

import java.util.List;
import java.util.Map;

/**
 * A schema snapshot as {@code retort schema} prints it, and the stable JSON form that
 * {@code snapshot:PATH.json} reads back: objects sorted by kind and name, properties by name.
 *
 * @param objects the objects
 */
public record SchemaView(List<ObjectView> objects) implements Report {

    /** Copies the list so the record stays immutable. */
    public SchemaView {
        objects = List.copyOf(objects);
    }

    /**
     * One object.
     *
     * @param kind       e.g. {@code column}
     * @param name       e.g. {@code candidates.version}
     * @param properties what defines it
     */
    public record ObjectView(String kind, String name, Map<String, String> properties) {
    }

    /**
     * @param snapshot the engine's snapshot
     * @return the view
     */
    public static SchemaView of(SchemaSnapshot snapshot) {
        return new SchemaView(snapshot.objects().stream()
                .map(o -> new ObjectView(o.kind().label(), o.name(), o.properties())).toList());
    }

    /** @return the snapshot this view shows */
    public SchemaSnapshot snapshot() {
        return new SchemaSnapshot(objects.stream()
                .map(o -> SchemaObject.of(ObjectKind.of(o.kind()), o.name(), o.properties())).toList());
    }

    @Override
    public void printTo(Text text) {
        for (String line : snapshot().text().split("\n", -1)) {
            if (!line.isEmpty()) {
                text.line(line.startsWith(" ") ? line : text.styles().revision(line));
            }
        }
    }
}
