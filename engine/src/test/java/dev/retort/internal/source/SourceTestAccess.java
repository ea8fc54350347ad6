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
     * @return whether a run with this source and manifest directory takes its graph from the
     *     manifest; when it does not, this reads the files and writes the manifest, as such a run would
     */
    public static boolean servedByManifest(MigrationSource source, Path manifests) {
        return Headers.load(source, Optional.of(manifests)).blockOptional().orElseThrow().fromManifest();
    }
}
