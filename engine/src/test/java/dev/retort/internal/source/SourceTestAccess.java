package dev.retort.internal.source;

import dev.retort.spi.MigrationSource;

import java.nio.file.Path;
import java.util.Optional;

/** What tests outside this package need of its process-wide state. */
public final class SourceTestAccess {

    private SourceTestAccess() {
    }

    /** Forgets the catalogs this process read, so that the next run reads as a new process does. */
    public static void forgetCatalogs() {
        CatalogCache.clear();
    }

    /**
     * @return how many files a run with this source and manifest directory reads to build its graph
     *     (none when the manifest has every file); this reads them and writes the manifest, as such
     *     a run would
     */
    public static int filesReadWith(MigrationSource source, Path manifests) {
        return Catalog.load(source, Optional.of(manifests)).blockOptional().orElseThrow().filesRead();
    }
}
