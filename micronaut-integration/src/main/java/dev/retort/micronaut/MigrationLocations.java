package dev.retort.micronaut;

import dev.retort.error.ErrorCode;
import dev.retort.error.RetortException;
import dev.retort.spi.MigrationSource;

import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

/** Turns the configured {@code locations} into the engine's migration source. */
final class MigrationLocations {

    private static final String CLASSPATH = "classpath:";
    private static final String FILE = "file:";
    /** A URI scheme; {@code C:} is not one here, a Windows path needs {@code file:}. */
    private static final Pattern SCHEME = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]+:");

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
        List<MigrationSource> sources = locations.stream().map(l -> source(l, loader)).toList();
        return sources.size() == 1 ? sources.get(0) : new CompositeMigrationSource(sources);
    }

    private static MigrationSource source(String location, ClassLoader loader) {
        if (location.startsWith(FILE)) {
            return MigrationSource.directory(Path.of(location.substring(FILE.length())));
        }
        if (location.startsWith(CLASSPATH) || !SCHEME.matcher(location).find()) {
            return MigrationSource.classpath(location, loader);
        }
        throw new RetortException(ErrorCode.INVALID_CONFIGURATION, "Unsupported migration location '" + location
                + "': use classpath:path or file:/path.");
    }
}
