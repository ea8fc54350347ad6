package dev.retort.internal.source;

import dev.retort.internal.graph.Revision;
import dev.retort.internal.graph.RevisionGraph;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds a catalog from a source's {@link Manifest} and its files: a file whose stamp the manifest
 * holds keeps the manifest's entry and is not read; any other is read and parsed now. A deploy that
 * adds one migration to a thousand thus reads one file, not a thousand. The graph is validated
 * again whenever a file was added, changed or removed, and the manifest then rewritten.
 */
final class ManifestedRead {

    private ManifestedRead() {
    }

    /**
     * @param files     the source's files as listed now
     * @param versions  their versions, in the same order
     * @param manifests where manifests are kept
     * @return the catalog; blocks on file access
     */
    static Catalog catalog(ScriptListing files, List<FileVersion> versions, Path manifests) {
        String source = files.source().description();
        Map<String, Manifest.Entry> previous = Manifest.read(manifests, source);
        List<Manifest.Entry> entries = new ArrayList<>(versions.size());
        Map<String, Script> read = new HashMap<>();
        Map<String, Listed> unread = new HashMap<>();
        for (int i = 0; i < versions.size(); i++) {
            FileVersion version = versions.get(i);
            Manifest.Entry entry = previous.get(version.location());
            if (entry != null && entry.stamp().equals(version.stamp())) {
                unread.put(entry.revision().id(), new Listed(files.resources().get(i), entry.revision(), entry.summary()));
            } else {
                Script script = ScriptParser.parse(files.resources().get(i));
                read.put(script.id(), script);
                entry = Manifest.Entry.of(version, script);
            }
            entries.add(entry);
        }
        boolean unchanged = read.isEmpty() && entries.size() == previous.size();
        List<Revision> revisions = entries.stream().map(Manifest.Entry::revision).toList();
        // Validated when the manifest was written; any change to the files may break the graph.
        RevisionGraph graph = unchanged ? RevisionGraph.ofValidated(revisions) : RevisionGraph.of(revisions);
        if (!unchanged) {
            Manifest.write(manifests, source, entries);
        }
        return new Catalog(graph, source, read, unread);
    }
}
