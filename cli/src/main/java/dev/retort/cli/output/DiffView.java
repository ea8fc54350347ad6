package dev.retort.cli.output;

import dev.retort.schema.SchemaChange;
import dev.retort.schema.SchemaDiff;

import java.util.List;
import java.util.Map;

/**
 * What differs between two schemas, as {@code retort diff} and the drift part of {@code check}
 * print it: one line per change for people, the changes with both sides in JSON.
 *
 * @param from    what the first schema is, e.g. {@code migrations@current}
 * @param to      what the second is, e.g. {@code database}
 * @param equal   whether the schemas are the same
 * @param changes the differences
 */
public record DiffView(String from, String to, boolean equal, List<ChangeView> changes) implements Report {

    /** Copies the list so the record stays immutable. */
    public DiffView {
        changes = List.copyOf(changes);
    }

    /**
     * One difference.
     *
     * @param kind        e.g. {@code column}
     * @param name        e.g. {@code candidates.nickname}
     * @param type        {@code ADDED} (only in {@code to}), {@code REMOVED} (only in {@code from}) or {@code CHANGED}
     * @param differs     the properties that differ, for a change
     * @param before      its properties in {@code from}
     * @param after       its properties in {@code to}
     * @param description the change in one line
     */
    public record ChangeView(String kind, String name, String type, List<String> differs, Map<String, String> before,
            Map<String, String> after, String description) {
    }

    /**
     * @param diff the engine's diff
     * @param from what the first schema is, as the user named it
     * @param to   what the second is
     * @return the view
     */
    public static DiffView of(SchemaDiff diff, String from, String to) {
        return new DiffView(from, to, diff.isEmpty(), diff.changes().stream()
                .map(change -> view(change, from, to)).toList());
    }

    private static ChangeView view(SchemaChange change, String from, String to) {
        return new ChangeView(change.kind().label(), change.name(), change.type().name(), change.differingProperties(),
                change.before(), change.after(), change.describe(from, to));
    }

    @Override
    public void printTo(Text text) {
        if (equal) {
            text.line(text.styles().success("No differences") + " between " + from + " and " + to + ".");
            return;
        }
        text.line(changes.size() + " difference" + (changes.size() == 1 ? "" : "s") + " from " + from + " to " + to + ":");
        changes.forEach(change -> text.line("  " + change.description()));
    }
}
