package dev.retort.micronaut;

import dev.retort.event.MigrationEvent;

/**
 * One of the engine's {@link MigrationEvent}s, republished as a Micronaut application event so that
 * applications can log, meter or react to migrations with an {@code @EventListener}.
 *
 * <p>A datasource's events arrive in the engine's order, one at a time: in {@code startup} mode on
 * the thread starting the application, in {@code async} mode on a bounded-elastic worker, never on
 * an event loop, so a listener may block. A failed run ends without a {@code RunCompleted}; the
 * failure itself is logged and reported by the health indicator, not published.
 *
 * @param datasource the datasource's name, as under {@code r2dbc.datasources}
 * @param event      the engine's event
 */
public record RetortEvent(String datasource, MigrationEvent event) {
}
