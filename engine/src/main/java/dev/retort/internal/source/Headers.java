package dev.retort.internal.source;

import dev.retort.internal.graph.RevisionGraph;
import dev.retort.spi.MigrationSource;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.nio.file.Path;
import java.util.Optional;

/**
 * A source's revision graph, which tells whether a run has anything to do, and its catalog when the
 * files had to be read to build the graph. With a manifest directory, a new process whose files
 * are unchanged since a run wrote their {@link Manifest} builds the graph without reading a file;
 * only a run that then finds work reads them.
 */
public final class Headers {

    private final Listing files;
    private final RevisionGraph graph;
    private final Catalog catalog;

    private Headers(Listing files, RevisionGraph graph, Catalog catalog) {
        this.files = files;
        this.graph = graph;
        this.catalog = catalog;
    }

    /**
     * @param source    the migration source
     * @param manifests where manifests are kept, if anywhere
     * @return a cold {@code Mono}, reading on a bounded-elastic worker; fails like {@link Catalog#load}
     */
    public static Mono<Headers> load(MigrationSource source, Optional<Path> manifests) {
        return Mono.fromCallable(() -> read(source, manifests)).subscribeOn(Schedulers.boundedElastic());
    }

    private static Headers read(MigrationSource source, Optional<Path> manifests) {
        Listing files = Listing.of(source);
        Optional<Catalog> cached = files.cached();
        if (cached.isPresent()) {
            return new Headers(files, cached.get().graph(), cached.get());
        }
        Optional<RevisionGraph> graph = manifests.flatMap(directory -> Manifest.read(directory, files));
        if (graph.isPresent()) {
            return new Headers(files, graph.get(), null);
        }
        Catalog catalog = files.read();
        manifests.ifPresent(directory -> Manifest.write(directory, files, catalog.graph()));
        return new Headers(files, catalog.graph(), catalog);
    }

    /** @return the revision graph */
    public RevisionGraph graph() {
        return graph;
    }

    /**
     * @return the catalog: at hand, or read now from the files listed (whose content may have
     *     changed since, as between any listing and reading)
     */
    public Mono<Catalog> catalog() {
        return catalog != null ? Mono.just(catalog)
                : Mono.fromCallable(files::read).subscribeOn(Schedulers.boundedElastic());
    }

    /** @return whether the graph came from a manifest, without reading the files */
    boolean fromManifest() {
        return catalog == null;
    }
}
