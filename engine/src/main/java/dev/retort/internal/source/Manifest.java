package dev.retort.internal.source;

import dev.retort.internal.graph.Revision;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInput;
import java.io.DataInputStream;
import java.io.DataOutput;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.CRC32;
import java.util.zip.CheckedInputStream;
import java.util.zip.CheckedOutputStream;

/**
 * The headers of a source's files (id, parents, dependencies, branch labels) and their
 * {@link ScriptSummary}s, kept on disk with the files' {@link FileStamp}s, so that a new process
 * reads only the files that changed since ({@link ManifestedRead}): none to find that nothing is
 * pending or to list and check revisions, one when a deploy brings one new migration. The same
 * stamps decide as for the in-process {@link CatalogCache}. It is a cache only: a manifest that
 * is missing, unreadable or of another format is ignored, and one that cannot be written is not
 * written. Each file's checksum is computed once, when its entry is written, so that a later
 * process need not.
 */
final class Manifest {

    /** "RTMF". */
    private static final int MAGIC = 0x52544d46;
    private static final int FORMAT = 2;

    private Manifest() {
    }

    /**
     * What the manifest keeps of one file.
     *
     * @param stamp    the version of the file it was read from
     * @param revision its header's graph edges; its origin is the file's location
     * @param summary  its summary
     */
    record Entry(FileStamp stamp, Revision revision, ScriptSummary summary) {

        /**
         * @param version a file's version
         * @param script  what it holds; its checksum is computed now if it was not yet
         * @return the entry
         */
        static Entry of(FileVersion version, Script script) {
            return new Entry(version.stamp(), Catalog.revision(script), ScriptSummary.of(script));
        }

        /** @return the file's location */
        String location() {
            return revision.origin();
        }
    }

    /**
     * @param directory where manifests are kept
     * @param source    a source's description
     * @return the entries of the source's manifest by location, in the order written; none if it
     *     is missing, damaged or of another format
     */
    static Map<String, Entry> read(Path directory, String source) {
        Path file = file(directory, source);
        try (CheckedInputStream checked = new CheckedInputStream(new BufferedInputStream(Files.newInputStream(file)),
                new CRC32()); DataInputStream in = new DataInputStream(checked)) {
            if (in.readInt() != MAGIC || in.readInt() != FORMAT || !in.readUTF().equals(source)) {
                return Map.of();
            }
            int count = in.readInt();
            Map<String, Entry> entries = new LinkedHashMap<>();
            for (int i = 0; i < count; i++) {
                Entry entry = entry(in);
                entries.put(entry.location(), entry);
            }
            // The checksum shows these are the entries written, validated then.
            long content = checked.getChecksum().getValue();
            return in.readLong() == content ? entries : Map.of();
        } catch (IOException | RuntimeException e) {
            // Missing, cut short or damaged: the files are read instead.
            return Map.of();
        }
    }

    private static Entry entry(DataInput in) throws IOException {
        String location = in.readUTF();
        FileStamp stamp = FileStamp.read(in);
        Revision revision = new Revision(in.readUTF(), strings(in), strings(in), new LinkedHashSet<>(strings(in)),
                location);
        return new Entry(stamp, revision, new ScriptSummary(in.readUTF(), location, in.readBoolean(),
                in.readUTF()));
    }

    /**
     * Writes a source's manifest, replacing its previous one at once.
     *
     * @param directory where manifests are kept; created if missing
     * @param source    the source's description
     * @param entries   one per file, in the listing's order
     */
    static void write(Path directory, String source, List<Entry> entries) {
        Path temporary = null;
        try {
            Files.createDirectories(directory);
            temporary = Files.createTempFile(directory, "catalog", ".tmp");
            try (CheckedOutputStream checked = new CheckedOutputStream(
                    new BufferedOutputStream(Files.newOutputStream(temporary)), new CRC32());
                    DataOutputStream out = new DataOutputStream(checked)) {
                out.writeInt(MAGIC);
                out.writeInt(FORMAT);
                out.writeUTF(source);
                out.writeInt(entries.size());
                for (Entry entry : entries) {
                    write(out, entry);
                }
                out.writeLong(checked.getChecksum().getValue());
            }
            Files.move(temporary, file(directory, source), StandardCopyOption.REPLACE_EXISTING,
                    StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | RuntimeException e) {
            // A read-only or missing home directory, say: the next process reads the files, as
            // without a manifest. Writing a cache must never fail the run it speeds up.
            deleteQuietly(temporary);
        }
    }

    private static void write(DataOutput out, Entry entry) throws IOException {
        out.writeUTF(entry.location());
        entry.stamp().write(out);
        Revision revision = entry.revision();
        out.writeUTF(revision.id());
        strings(out, revision.parents());
        strings(out, revision.dependsOn());
        strings(out, revision.branchLabels());
        ScriptSummary summary = entry.summary();
        out.writeUTF(summary.message());
        out.writeBoolean(summary.transactional());
        out.writeUTF(summary.checksum());
    }

    /**
     * One file per source and working directory, since a directory source's description and its
     * files' locations may be relative.
     */
    static Path file(Path directory, String source) {
        String key = System.getProperty("user.dir") + "\n" + source;
        return directory.resolve("catalog-" + UUID.nameUUIDFromBytes(key.getBytes(StandardCharsets.UTF_8)) + ".manifest");
    }

    private static List<String> strings(DataInput in) throws IOException {
        int count = in.readInt();
        // No capacity from the file: a damaged count must end in an EOFException, not a huge array.
        List<String> strings = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            strings.add(in.readUTF());
        }
        return strings;
    }

    private static void strings(DataOutput out, Collection<String> strings) throws IOException {
        out.writeInt(strings.size());
        for (String string : strings) {
            out.writeUTF(string);
        }
    }

    private static void deleteQuietly(Path file) {
        if (file == null) {
            return;
        }
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // Nothing more to do for a temporary file that a failed write left behind.
        }
    }
}
