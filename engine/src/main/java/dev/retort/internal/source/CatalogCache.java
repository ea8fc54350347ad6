package dev.retort.internal.source;

import java.lang.ref.SoftReference;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

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

    private record Entry(List<FileVersion> versions, Catalog catalog) {
    }

    private CatalogCache() {
    }

    /**
     * @param source   the source's description
     * @param versions its files' versions now
     * @return the catalog read from exactly these versions, if this process still holds it
     */
    static Optional<Catalog> cached(String source, List<FileVersion> versions) {
        synchronized (ENTRIES) {
            SoftReference<Entry> reference = ENTRIES.get(source);
            Entry entry = reference == null ? null : reference.get();
            return entry != null && entry.versions().equals(versions) ? Optional.of(entry.catalog()) : Optional.empty();
        }
    }

    /**
     * @param source   the source's description
     * @param versions the versions the catalog was read from
     * @param catalog  the catalog
     */
    static void put(String source, List<FileVersion> versions, Catalog catalog) {
        synchronized (ENTRIES) {
            ENTRIES.put(source, new SoftReference<>(new Entry(versions, catalog)));
        }
    }

    /** Forgets every catalog, as a new process starts; for tests that play one. */
    static void clear() {
        synchronized (ENTRIES) {
            ENTRIES.clear();
        }
    }
}
