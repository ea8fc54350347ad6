package dev.retort.internal.source;

import dev.retort.internal.graph.Revision;
import dev.retort.internal.graph.RevisionGraph;

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
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.zip.CRC32;
import java.util.zip.CheckedInputStream;
import java.util.zip.CheckedOutputStream;

/**
 * The headers of a source's files (id, parents, dependencies, branch labels) and their
 * {@link ScriptSummary}s, kept on disk with the files' {@link FileStamp}s, so that a new process
 * whose files are all unchanged builds the revision graph without reading one: enough to find that
 * nothing is pending, or to list and check revisions. The same stamps
 * decide as for the in-process {@link CatalogCache}. It is a cache only: a manifest that is
 * missing, unreadable, of another format or for other files is ignored, and one that cannot be
 * written is not written.
 */
final class Manifest {

    /** "RTMF". */
    private static final int MAGIC = 0x52544d46;
    private static final int FORMAT = 2;

    private Manifest() {
    }

    /**
     * @param directory where manifests are kept
     * @param files     a source's files as listed now
     * @return the graph and summaries, if a manifest was written for exactly these files' versions
     */
    static Optional<Headers> read(Path directory, Listing files) {
        return files.versions().flatMap(versions -> read(directory, files, versions));
    }

    private static Optional<Headers> read(Path directory, Listing files, List<FileVersion> versions) {
        String source = files.source().description();
        Path file = file(directory, source);
        try (CheckedInputStream checked = new CheckedInputStream(new BufferedInputStream(Files.newInputStream(file)),
                new CRC32()); DataInputStream in = new DataInputStream(checked)) {
            if (in.readInt() != MAGIC || in.readInt() != FORMAT || !in.readUTF().equals(source)
                    || in.readInt() != versions.size()) {
                return Optional.empty();
            }
            List<Revision> revisions = new ArrayList<>(versions.size());
            Map<String, ScriptSummary> summaries = new HashMap<>();
            for (FileVersion version : versions) {
                if (!in.readUTF().equals(version.location()) || !FileStamp.read(in).equals(version.stamp())) {
                    return Optional.empty();
                }
                Revision revision = new Revision(in.readUTF(), strings(in), strings(in),
                        new LinkedHashSet<>(strings(in)), version.location());
                revisions.add(revision);
                summaries.put(revision.id(), new ScriptSummary(in.readUTF(), version.location(), in.readBoolean(),
                        in.readUTF()));
            }
            // Validated when written; the checksum shows these are the revisions written.
            long content = checked.getChecksum().getValue();
            return in.readLong() == content
                    ? Optional.of(Headers.fromManifest(files, RevisionGraph.ofValidated(revisions), summaries))
                    : Optional.empty();
        } catch (IOException | RuntimeException e) {
            // Missing, cut short or damaged: the files are read instead.
            return Optional.empty();
        }
    }

    /**
     * Writes the manifest of a catalog just read from the files, replacing the source's previous
     * one at once; not when a file has no settled stamp. Computes every file's checksum (about 30 ms
     * for 1,000 small files in the CLI's C1-only JVM), so that a later process need not.
     *
     * @param directory where manifests are kept; created if missing
     * @param files     the files the catalog was read from
     * @param catalog   what they hold
     */
    static void write(Path directory, Listing files, Catalog catalog) {
        files.versions().ifPresent(versions -> write(directory, files.source().description(), versions, catalog));
    }

    private static void write(Path directory, String source, List<FileVersion> versions, Catalog catalog) {
        Map<String, Script> byLocation = catalog.scripts().values().stream()
                .collect(Collectors.toMap(Script::location, Function.identity()));
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
                out.writeInt(versions.size());
                for (FileVersion version : versions) {
                    write(out, version, byLocation.get(version.location()));
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

    private static void write(DataOutput out, FileVersion version, Script script) throws IOException {
        out.writeUTF(version.location());
        version.stamp().write(out);
        out.writeUTF(script.id());
        strings(out, script.parents());
        strings(out, script.dependsOn());
        strings(out, script.branchLabels());
        out.writeUTF(script.message());
        out.writeBoolean(script.transactional());
        out.writeUTF(script.checksum());
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
