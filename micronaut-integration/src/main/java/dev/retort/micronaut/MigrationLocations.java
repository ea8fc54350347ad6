package dev.retort.micronaut;

import dev.retort.MigrationSources;
import dev.retort.error.ErrorCode;
import dev.retort.error.RetortException;
import dev.retort.spi.MigrationSource;

import java.util.List;

/** Turns the configured {@code locations} into the engine's migration source. */
final class MigrationLocations {

    private MigrationLocations() {
    }

    /**
     * @param locations {@code classpath:} or {@code file:} locations; no prefix means classpath
     * @param loader    the application's class loader, which sees the application jar
     * @return one source over all the locations
     * @throws RetortException when there is no location or one has another scheme
     */
    static MigrationSource source(List<String> locations, ClassLoader loader) {
        if (locations.isEmpty()) {
            throw new RetortException(ErrorCode.INVALID_CONFIGURATION,
                    "No migration location is configured; set 'locations', e.g. " + RetortDatasourceConfiguration
                            .DEFAULT_LOCATION + ".");
        }
        return MigrationSources.parse(String.join(",", locations), loader);
    }
}
