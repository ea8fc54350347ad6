package dev.retort.cli.output;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.retort.event.LockAcquired;
import dev.retort.event.MigrationEvent;
import dev.retort.event.RevisionApplied;
import dev.retort.event.RevisionRetried;
import dev.retort.event.RevisionStarted;
import dev.retort.event.RunCompleted;
import dev.retort.event.RunPlanned;
import dev.retort.event.RunStarted;
import dev.retort.event.StatementExecuted;

import java.util.Collection;
import java.util.function.Consumer;

/**
 * Prints a run's events as JSON lines, one object per event with an {@code event} field
 * ({@code runStarted}, {@code lockAcquired}, {@code runPlanned}, {@code revisionStarted},
 * {@code statementExecuted}, {@code revisionApplied}, {@code runCompleted}); durations are
 * whole milliseconds in fields ending {@code Ms}.
 */
final class EventDocuments implements Consumer<MigrationEvent> {

    private final JsonWriter json;

    EventDocuments(JsonWriter json) {
        this.json = json;
    }

    @Override
    public void accept(MigrationEvent event) {
        json.write(toJson(event));
    }

    private ObjectNode toJson(MigrationEvent event) {
        ObjectNode node = json.object().put("event", name(event));
        if (event instanceof RunStarted e) {
            node.put("operation", e.operation().label()).put("target", e.target());
        } else if (event instanceof LockAcquired e) {
            node.put("waitedMs", e.waited().toMillis());
        } else if (event instanceof RunPlanned e) {
            strings(node.putArray("currentHeads"), e.currentHeads().stream().sorted().toList());
            strings(node.putArray("revisions"), e.revisions());
            e.newSchema().ifPresent(schema -> node.put("newSchema", schema));
        } else if (event instanceof RevisionStarted e) {
            node.put("revision", e.revision()).put("operation", e.operation().label()).put("message", e.message())
                    .put("index", e.index()).put("total", e.total());
        } else if (event instanceof StatementExecuted e) {
            node.put("revision", e.revision()).put("line", e.line()).put("rowsUpdated", e.rowsUpdated())
                    .put("durationMs", e.duration().toMillis());
        } else if (event instanceof RevisionApplied e) {
            node.put("revision", e.revision()).put("operation", e.operation().label())
                    .put("durationMs", e.duration().toMillis());
        } else if (event instanceof RevisionRetried e) {
            node.put("revision", e.revision()).put("retry", e.retry()).put("retries", e.retries())
                    .put("delayMs", e.delay().toMillis()).put("reason", e.reason());
        } else if (event instanceof RunCompleted e) {
            strings(node.putArray("heads"), e.heads().stream().sorted().toList());
            node.put("applied", e.applied()).put("durationMs", e.duration().toMillis());
        }
        return node;
    }

    private static String name(MigrationEvent event) {
        String simpleName = event.getClass().getSimpleName();
        return Character.toLowerCase(simpleName.charAt(0)) + simpleName.substring(1);
    }

    private static void strings(ArrayNode array, Collection<String> values) {
        values.forEach(array::add);
    }
}
