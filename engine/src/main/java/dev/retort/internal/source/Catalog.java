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
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The migration scripts of one source and the validated revision graph they form.
 *
 * @param scripts the scripts by revision id
 * @param graph   the graph
 * @param source  where they came from, for messages
 */
public record Catalog(Map<String, Script> scripts, RevisionGraph graph, String source) {

    /**
     * Reads and validates every script of a source, or takes the catalog this process read last
     * from it when none of its files changed since ({@link CatalogCache}). The reading happens on
     * subscribe, on a bounded-elastic worker, because file and jar access blocks.
     *
     * @param source the migration source
     * @return a cold {@code Mono} that fails with a {@link RetortException} for invalid files
     */
    public static Mono<Catalog> load(MigrationSource source) {
        return Mono.fromCallable(() -> {
            Listing files = Listing.of(source);
            return files.cached().orElseGet(files::read);
        }).subscribeOn(Schedulers.boundedElastic());
    }

    /**
     * @param source    the source
     * @param resources its files
     * @return the catalog they make
     * @throws RetortException for invalid files
     */
    static Catalog parse(MigrationSource source, List<ScriptResource> resources) {
        List<Script> scripts = resources.stream().map(ScriptParser::parse).toList();
        RevisionGraph graph = RevisionGraph.of(scripts.stream().map(Catalog::revision).toList());
        Map<String, Script> byId = scripts.stream().collect(Collectors.toUnmodifiableMap(Script::id, Function.identity()));
        return new Catalog(byId, graph, source.description());
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

    private static Revision revision(Script script) {
        return new Revision(script.id(), script.parents(), script.dependsOn(), script.branchLabels(), script.location());
    }

    /**
     * @param id a revision id the graph contains
     * @return its script
     */
    public Script script(String id) {
        return scripts.get(id);
    }
}
