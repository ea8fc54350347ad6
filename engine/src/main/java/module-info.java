/**
 * Retort: a reactive, non-blocking schema migration engine over the R2DBC SPI.
 *
 * <p>Only the API is exported: {@link dev.retort.Retort} and its builder, targets, plans and
 * reports ({@code dev.retort}), the errors ({@code dev.retort.error}), the run events
 * ({@code dev.retort.event}), schema snapshots and diffs ({@code dev.retort.schema}), and the
 * source SPI ({@code dev.retort.spi}). Everything under
 * {@code dev.retort.internal} may change in any release.
 */
module dev.retort {
    requires transitive r2dbc.spi;
    requires transitive reactor.core;
    requires transitive org.reactivestreams;
    requires static org.jspecify;

    exports dev.retort;
    exports dev.retort.error;
    exports dev.retort.event;
    exports dev.retort.fleet;
    exports dev.retort.schema;
    exports dev.retort.spi;
}
