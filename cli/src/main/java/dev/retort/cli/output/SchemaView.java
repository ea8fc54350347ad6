package dev.retort.cli.output;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.retort.schema.ObjectKind;
import dev.retort.schema.SchemaObject;
import dev.retort.schema.SchemaSnapshot;

import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * A schema snapshot as {@code retort schema} prints it, and the stable JSON form that
 * {@code snapshot:PATH.json} reads back: objects sorted by kind and name, properties by name.
 *
 * @param objects the objects
 */
public record SchemaView(List<ObjectView> objects) implements StreamedReport {

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
    public void writeJson(JsonGenerator json) throws IOException {
        json.writeStartObject();
        json.writeArrayFieldStart("objects");
        for (ObjectView object : objects) {
            json.writeStartObject();
            json.writeStringField("kind", object.kind());
            json.writeStringField("name", object.name());
            json.writeObjectFieldStart("properties");
            for (Map.Entry<String, String> property : object.properties().entrySet()) {
                json.writeStringField(property.getKey(), property.getValue());
            }
            json.writeEndObject();
            json.writeEndObject();
        }
        json.writeEndArray();
        json.writeEndObject();
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
