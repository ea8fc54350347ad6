package dev.retort.internal.source;

import dev.retort.error.ErrorCode;
import dev.retort.error.RetortException;
import dev.retort.spi.MigrationSource;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Reads locations as configuration writes them: {@code classpath:db/migrations},
 * {@code file:/srv/migrations}, or a bare path, which is on the class path (as in Flyway and
 * Micronaut's own resource loaders).
 */
public final class Locations {

    private static final String CLASSPATH = "classpath:";
    private static final String FILE = "file:";
    /** A URI scheme; {@code C:} is not one here, a Windows path needs {@code file:}. */
    private static final Pattern SCHEME = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]+:");

    private Locations() {
    }

    /**
     * @param locations comma-separated locations
     * @param loader    the class loader that {@code classpath:} locations are read from
     * @return one source over them all
     * @throws RetortException when there is no location or one has another scheme
     */
    public static MigrationSource parse(String locations, ClassLoader loader) {
        List<String> each = Arrays.stream(locations.split(",")).map(String::strip).filter(l -> !l.isEmpty()).toList();
        if (each.isEmpty()) {
            throw new RetortException(ErrorCode.INVALID_CONFIGURATION, "No migration location is given; name one,"
                    + " such as classpath:db/migrations or file:/srv/migrations.");
        }
        List<MigrationSource> sources = each.stream().map(location -> one(location, loader)).toList();
        return sources.size() == 1 ? sources.get(0) : new CompositeSource(sources);
    }

    private static MigrationSource one(String location, ClassLoader loader) {
        if (location.startsWith(FILE)) {
            return new DirectorySource(Path.of(location.substring(FILE.length())), false);
        }
        if (location.startsWith(CLASSPATH) || !SCHEME.matcher(location).find()) {
            return new ClasspathSource(location, loader);
        }
        throw new RetortException(ErrorCode.INVALID_CONFIGURATION, "Unsupported migration location '" + location
                + "': use classpath:path or file:/path.");
    }
}
