package dev.retort.internal.source;

import dev.retort.spi.MigrationSource;
import dev.retort.spi.ScriptResource;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * A source's files as listed now, and their versions when every one has a settled stamp: what
 * decides whether a catalog read before still holds.
 *
 * @param source    the source
 * @param resources its files
 * @param versions  their versions, or empty when they must be read
 */
record ScriptListing(MigrationSource source, List<ScriptResource> resources, Optional<List<FileVersion>> versions) {

    /** Lists the source's files and stamps them; blocks on file access. */
    static ScriptListing of(MigrationSource source) {
        List<ScriptResource> resources = Catalog.list(source);
        return new ScriptListing(source, resources, FileVersion.of(resources));
    }

    /** @return the catalog this process read from exactly these files, if it still holds it */
    Optional<Catalog> cached() {
        return versions.flatMap(v -> CatalogCache.cached(source.description(), v));
    }

    /** @return the catalog, every file read now, kept for the next run when they are stamped */
    Catalog read() {
        return kept(Catalog.parse(source, resources));
    }

    /**
     * @param manifests where manifests are kept
     * @return the catalog, only the files that changed since the source's manifest read now; kept
     *     for the next run, and the manifest written again if they changed
     * @throws java.util.NoSuchElementException if the files have no versions
     */
    Catalog readChanged(Path manifests) {
        return kept(ManifestedRead.catalog(this, versions.orElseThrow(), manifests));
    }

    private Catalog kept(Catalog catalog) {
        versions.ifPresent(v -> CatalogCache.put(source.description(), v, catalog));
        return catalog;
    }
}
