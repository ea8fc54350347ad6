package dev.retort.internal.source;

import dev.retort.internal.graph.RevisionGraph;
import dev.retort.spi.MigrationSource;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * A source's revision graph, which tells whether a run has anything to do, each revision's
 * {@link ScriptSummary}, and the catalog when the files had to be read for them. With a manifest
 * directory, a new process whose files are unchanged since a run wrote their {@link Manifest} takes
 * all but the catalog from it without reading a file; only a run that then finds work reads them.
 */
public final class Headers {

    private final Listing files;
    private final RevisionGraph graph;
    private final Map<String, ScriptSummary> summaries;
    private final Catalog catalog;

    private Headers(Listing files, RevisionGraph graph, Map<String, ScriptSummary> summaries, Catalog catalog) {
        this.files = files;
        this.graph = graph;
        this.summaries = summaries;
        this.catalog = catalog;
    }

    /** @return headers taken from a manifest, for {@link Manifest#read} */
    static Headers fromManifest(Listing files, RevisionGraph graph, Map<String, ScriptSummary> summaries) {
        return new Headers(files, graph, summaries, null);
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
            return of(files, cached.get());
        }
        Optional<Headers> fromManifest = manifests.flatMap(directory -> Manifest.read(directory, files));
        if (fromManifest.isPresent()) {
            return fromManifest.get();
        }
        Catalog catalog = files.read();
        manifests.ifPresent(directory -> Manifest.write(directory, files, catalog));
        return of(files, catalog);
    }

    private static Headers of(Listing files, Catalog catalog) {
        return new Headers(files, catalog.graph(), null, catalog);
    }

    /** @return the revision graph */
    public RevisionGraph graph() {
        return graph;
    }

    /**
     * @param id a revision of the graph
     * @return its file's summary
     */
    public ScriptSummary summary(String id) {
        return catalog != null ? ScriptSummary.of(catalog.script(id)) : summaries.get(id);
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
