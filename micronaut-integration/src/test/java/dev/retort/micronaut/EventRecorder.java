package dev.retort.micronaut;

import dev.retort.event.MigrationEvent;
import io.micronaut.context.annotation.Requires;
import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.runtime.server.event.ServerStartupEvent;
import jakarta.inject.Singleton;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Records, in a test application, the Retort events it receives and when its server started, with
 * the thread each arrived on.
 */
@Singleton
@Requires(property = "spec.name")
class EventRecorder {

    /** One thing that happened, on which thread. */
    record Occurrence(String datasource, Object event, String thread) {
    }

    static final String SERVER = "server";

    private final List<Occurrence> occurrences = new CopyOnWriteArrayList<>();

    @EventListener
    void onRetortEvent(RetortEvent event) {
        occurrences.add(new Occurrence(event.datasource(), event.event(), Thread.currentThread().getName()));
    }

    @EventListener
    void onServerStarted(ServerStartupEvent event) {
        occurrences.add(new Occurrence(SERVER, event, Thread.currentThread().getName()));
    }

    List<Occurrence> occurrences() {
        return List.copyOf(occurrences);
    }

    /**
     * @param datasource a datasource's name
     * @return the engine events it received for that datasource, in order
     */
    List<MigrationEvent> events(String datasource) {
        return occurrences.stream().filter(o -> o.datasource().equals(datasource))
                .map(o -> (MigrationEvent) o.event()).toList();
    }
}
