package dev.retort.internal.source;

import dev.retort.spi.MigrationSource;
import dev.retort.spi.ScriptResource;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The scripts of several locations as one source: the revision graph spans them all, so a
 * revision in one location may revise one in another.
 */
public final class CompositeSource implements MigrationSource {

    private final List<MigrationSource> sources;

    /** @param sources the sources, in order */
    public CompositeSource(List<MigrationSource> sources) {
        this.sources = List.copyOf(sources);
    }

    @Override
    public List<ScriptResource> scripts() throws IOException {
        List<ScriptResource> scripts = new ArrayList<>();
        for (MigrationSource source : sources) {
            scripts.addAll(source.scripts());
        }
        return scripts;
    }

    @Override
    public String description() {
        return sources.stream().map(MigrationSource::description).collect(Collectors.joining(", "));
    }
}
