package dev.retort;

import dev.retort.internal.source.ClasspathSource;
import dev.retort.internal.source.CompositeSource;
import dev.retort.internal.source.DirectorySource;
import dev.retort.internal.source.Locations;
import dev.retort.spi.MigrationSource;

import java.nio.file.Path;
import java.util.List;

/**
 * The migration sources Retort provides: a directory, a classpath location, several as one, and
 * locations as configuration writes them. (The {@link MigrationSource} interface is the SPI for
 * sources of one's own; these are its built-in implementations.)
 */
public final class MigrationSources {

    private MigrationSources() {
    }

    /**
     * The {@code .sql} files directly inside a directory, not its subdirectories (like Alembic's
     * version locations).
     *
     * @param directory the directory
     * @return a source reading that directory on every run
     */
    public static MigrationSource directory(Path directory) {
        return new DirectorySource(directory, false);
    }

    /**
     * The {@code .sql} files in a directory and, when {@code recursive}, in all its subdirectories.
     *
     * @param directory the directory
     * @param recursive whether to descend into subdirectories
     * @return a source reading that directory on every run
     */
    public static MigrationSource directory(Path directory, boolean recursive) {
        return new DirectorySource(directory, recursive);
    }

    /**
     * The {@code .sql} resources directly under a classpath location, in an exploded directory or
     * inside a jar, read through the thread context class loader (or this class's loader).
     *
     * @param location a path such as {@code db/migrations} (a {@code classpath:} prefix is allowed)
     * @return a source listing only that location: no classpath scanning
     */
    public static MigrationSource classpath(String location) {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        return classpath(location, loader != null ? loader : MigrationSources.class.getClassLoader());
    }

    /**
     * Like {@link #classpath(String)} with an explicit class loader.
     *
     * @param location a path such as {@code db/migrations}
     * @param loader   the class loader to read from
     * @return a source listing only that location
     */
    public static MigrationSource classpath(String location, ClassLoader loader) {
        return new ClasspathSource(location, loader);
    }

    /**
     * Several sources as one: the revision graph spans them all, so a revision in one location may
     * revise one in another.
     *
     * @param sources the sources
     * @return one source listing the scripts of each, in order
     */
    public static MigrationSource of(List<MigrationSource> sources) {
        return new CompositeSource(sources);
    }

    /**
     * Locations as configuration writes them, comma-separated: {@code classpath:db/migrations},
     * {@code file:/srv/migrations}, or a bare path, which is on the class path. Classpath locations
     * are read through the thread context class loader (or this class's loader).
     *
     * @param locations such as {@code classpath:db/migrations, file:/srv/extra}
     * @return one source over all of them
     * @throws dev.retort.error.RetortException when none is given or one has another scheme
     */
    public static MigrationSource parse(String locations) {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        return parse(locations, loader != null ? loader : MigrationSources.class.getClassLoader());
    }

    /**
     * Like {@link #parse(String)} with an explicit class loader.
     *
     * @param locations such as {@code classpath:db/migrations, file:/srv/extra}
     * @param loader    the class loader that classpath locations are read from
     * @return one source over all of them
     * @throws dev.retort.error.RetortException when none is given or one has another scheme
     */
    public static MigrationSource parse(String locations, ClassLoader loader) {
        return Locations.parse(locations, loader);
    }
}
