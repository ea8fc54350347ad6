package dev.retort.internal.source;

import dev.retort.spi.ScriptResource;

import java.lang.ref.SoftReference;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The catalogs this process read last, by source, kept while their files are unchanged: a process
 * that migrates again (a test suite, a loop over tenants, a health report) then only lists the
 * directory and compares each file's {@link FileStamp}, instead of reading, parsing and validating
 * every file. A source whose files cannot all be stamped, or were changed moments ago, is always
 * read. Entries are softly held, so they never cost the heap a migration needs.
 */
final class CatalogCache {

    private static final int MAX_SOURCES = 8;

    private static final Map<String, SoftReference<Entry>> ENTRIES = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, SoftReference<Entry>> eldest) {
            return size() > MAX_SOURCES;
        }
    };

    /** What identifies one file's version: where it is and its stamp. */
    private record FileVersion(String location, FileStamp stamp) {
    }

    private record Entry(List<FileVersion> version, Catalog catalog) {
    }

    private CatalogCache() {
    }

    /**
     * @param source    the source's description
     * @param resources its files, as listed now
     * @param read      reads and validates them when the cache cannot answer
     * @return the catalog
     */
    static Catalog get(String source, List<ScriptResource> resources, Supplier<Catalog> read) {
        Optional<List<FileVersion>> version = version(resources);
        if (version.isEmpty()) {
            return read.get();
        }
        Optional<Catalog> cached = cached(source, version.get());
        if (cached.isPresent()) {
            return cached.get();
        }
        Catalog catalog = read.get();
        synchronized (ENTRIES) {
            ENTRIES.put(source, new SoftReference<>(new Entry(version.get(), catalog)));
        }
        return catalog;
    }

    private static Optional<Catalog> cached(String source, List<FileVersion> version) {
        synchronized (ENTRIES) {
            SoftReference<Entry> reference = ENTRIES.get(source);
            Entry entry = reference == null ? null : reference.get();
            return entry != null && entry.version().equals(version) ? Optional.of(entry.catalog()) : Optional.empty();
        }
    }

    /** @return every file's location and stamp, or empty if one has no settled stamp */
    private static Optional<List<FileVersion>> version(List<ScriptResource> resources) {
        Instant now = Instant.now();
        List<FileVersion> version = new ArrayList<>(resources.size());
        for (ScriptResource resource : resources) {
            Optional<FileStamp> stamp = resource instanceof Stamped stamped ? stamped.stamp() : Optional.empty();
            if (stamp.isEmpty() || !stamp.get().settled(now)) {
                return Optional.empty();
            }
            version.add(new FileVersion(resource.location(), stamp.get()));
        }
        return Optional.of(version);
    }
}
