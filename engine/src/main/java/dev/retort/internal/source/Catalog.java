package dev.retort.internal.source;

import dev.retort.error.ErrorCode;
import dev.retort.error.RetortException;
import dev.retort.internal.graph.Revision;
import dev.retort.internal.graph.RevisionGraph;
import dev.retort.spi.MigrationSource;
import dev.retort.spi.ScriptResource;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The migration files of one source, the validated revision graph they form, and each revision's
 * {@link ScriptSummary}. A file whose header and summary came from a {@link Manifest}, unchanged
 * since a run wrote it, is read only when a run needs its statements ({@link #reading}): a new
 * process that finds nothing pending reads no file, and one that applies a new migration reads
 * only that one.
 */
public final class Catalog {

    private final RevisionGraph graph;
    private final String source;
    private final Map<String, Script> scripts;
    private final Map<String, Listed> unread;

    /**
     * @param graph   the validated graph of every file's revision
     * @param source  where the files came from, for messages
     * @param scripts the files read, by revision id
     * @param unread  the files known from a manifest, by revision id
     */
    Catalog(RevisionGraph graph, String source, Map<String, Script> scripts, Map<String, Listed> unread) {
        this.graph = graph;
        this.source = source;
        this.scripts = new ConcurrentHashMap<>(scripts);
        this.unread = Map.copyOf(unread);
    }

    /**
     * Reads and validates every file of a source, or takes the catalog this process read last from
     * it when none of its files changed since ({@link CatalogCache}). The reading happens on
     * subscribe, on a bounded-elastic worker, because file and jar access blocks.
     *
     * @param source the migration source
     * @return a cold {@code Mono} of a catalog with every file read; fails with a
     *     {@link RetortException} for invalid files
     */
    public static Mono<Catalog> load(MigrationSource source) {
        return Mono.fromCallable(() -> {
            ScriptListing files = ScriptListing.of(source);
            return files.cached().map(Catalog::readAll).orElseGet(files::read);
        }).subscribeOn(Schedulers.boundedElastic());
    }

    /**
     * Like {@link #load(MigrationSource)}, but with a manifest directory only the files that changed
     * since a run wrote the source's manifest are read (and the manifest written again); the others
     * are read when {@link #reading} asks for them.
     *
     * @param source    the migration source
     * @param manifests where manifests are kept, if anywhere
     * @return a cold {@code Mono}, reading on a bounded-elastic worker; fails like {@link #load(MigrationSource)}
     */
    public static Mono<Catalog> load(MigrationSource source, Optional<Path> manifests) {
        return Mono.fromCallable(() -> {
            ScriptListing files = ScriptListing.of(source);
            return files.cached().orElseGet(() -> manifests.isPresent() && files.versions().isPresent()
                    ? files.readChanged(manifests.get()) : files.read());
        }).subscribeOn(Schedulers.boundedElastic());
    }

    /**
     * @param source    the source
     * @param resources its files
     * @return the catalog they make, every file read
     * @throws RetortException for invalid files
     */
    static Catalog parse(MigrationSource source, List<ScriptResource> resources) {
        List<Script> scripts = resources.stream().map(ScriptParser::parse).toList();
        RevisionGraph graph = RevisionGraph.of(scripts.stream().map(Catalog::revision).toList());
        Map<String, Script> byId = new HashMap<>();
        scripts.forEach(script -> byId.put(script.id(), script));
        return new Catalog(graph, source.description(), byId, Map.of());
    }

    /**
     * @param source the source
     * @return its files, as listed now
     * @throws RetortException when the source cannot be listed
     */
    static List<ScriptResource> list(MigrationSource source) {
        try {
            return source.scripts();
        } catch (IOException e) {
            throw new RetortException(ErrorCode.INVALID_MIGRATIONS,
                    "Cannot read migrations from " + source.description() + ": " + e.getMessage(), e);
        }
    }

    /** @return the graph edges a file's header gives */
    static Revision revision(Script script) {
        return new Revision(script.id(), script.parents(), script.dependsOn(), script.branchLabels(), script.location());
    }

    /** @return the revision graph */
    public RevisionGraph graph() {
        return graph;
    }

    /**
     * @param id a revision of the graph
     * @return its file's summary, without reading the file if the manifest had it
     */
    public ScriptSummary summary(String id) {
        Script script = scripts.get(id);
        return script != null ? ScriptSummary.of(script) : unread.get(id).summary();
    }

    /**
     * @param id a revision of the graph whose file has been read ({@link #reading})
     * @return its script
     * @throws IllegalStateException if the file was not read
     */
    public Script script(String id) {
        Script script = scripts.get(id);
        if (script == null) {
            throw new IllegalStateException("Revision " + id + " of " + source + " was not read; ask reading() first");
        }
        return script;
    }

    /**
     * Reads the files of the given revisions that were not read yet, on a bounded-elastic worker.
     *
     * @param ids revisions of the graph, e.g. a plan's steps
     * @return this catalog, once {@link #script} answers for every one of them; fails if a file
     *     is now invalid or no longer the revision its manifest entry says
     */
    public Mono<Catalog> reading(Collection<String> ids) {
        List<Listed> missing = ids.stream().filter(id -> !scripts.containsKey(id)).map(unread::get)
                .filter(Objects::nonNull).toList();
        return missing.isEmpty() ? Mono.just(this) : Mono.fromCallable(() -> {
            missing.forEach(this::read);
            return this;
        }).subscribeOn(Schedulers.boundedElastic());
    }

    /** @return this catalog with every file read; blocks on file access */
    Catalog readAll() {
        unread.values().forEach(this::read);
        return this;
    }

    /** @return how many files were read rather than taken from a manifest */
    int filesRead() {
        return scripts.size();
    }

    private void read(Listed file) {
        if (!scripts.containsKey(file.revision().id())) {
            scripts.putIfAbsent(file.revision().id(), file.read());
        }
    }
}
