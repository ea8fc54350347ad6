package dev.retort.internal.source;

import dev.retort.MigrationSources;
import dev.retort.error.RetortException;
import dev.retort.error.RevisionGraphException;
import dev.retort.internal.graph.RevisionGraph;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import static dev.retort.test.Patience.PATIENCE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A new process whose files are unchanged since a run wrote their manifest builds the graph from
 * it; a file added or changed since is read alone, and a manifest it cannot use makes it read
 * them all.
 */
class ManifestUnitTests {

    /** Files no test changes, written once and left to settle. */
    @TempDir
    static Path unchanged;

    /** Files a test changes. */
    @TempDir
    Path changing;

    @TempDir
    Path manifests;

    private Path migrations;

    @BeforeAll
    static void settledFiles() throws Exception {
        writeFiles(unchanged);
        settle();
    }

    @BeforeEach
    void newProcess() {
        CatalogCache.clear();
        migrations = unchanged;
    }

    private static void write(Path directory, String id, String revises, String labels) throws IOException {
        String header = "-- revision: " + id + "\n" + (revises == null ? "" : "-- revises: " + revises + "\n")
                + (labels == null ? "" : "-- branch-labels: " + labels + "\n")
                + (id.equals("c3") ? "-- message: Add c3\n-- transactional: false\n" : "");
        Files.writeString(directory.resolve(id + ".sql"), header + "-- +upgrade\nCREATE TABLE " + id + " (id int);\n");
    }

    private static void writeFiles(Path directory) throws IOException {
        write(directory, "a1", null, null);
        write(directory, "b2", "a1", "main");
        write(directory, "c3", "a1", null);
    }

    private void changeableFiles() throws Exception {
        migrations = changing;
        writeFiles(migrations);
        settle();
    }

    private static void settle() throws InterruptedException {
        Thread.sleep(FileStamp.SETTLE.toMillis() + 500);
    }

    private Catalog load() {
        return Catalog.load(MigrationSources.directory(migrations), Optional.of(manifests)).blockOptional().orElseThrow();
    }

    private List<Path> manifestFiles() throws IOException {
        try (Stream<Path> files = Files.list(manifests)) {
            return files.toList();
        }
    }

    @Test
    void aNewProcessWithUnchangedFilesBuildsTheSameGraphFromTheManifest() throws Exception {
        Catalog read = load();
        assertThat(read.filesRead()).isEqualTo(3);
        assertThat(manifestFiles()).hasSize(1);

        CatalogCache.clear();
        Catalog fromManifest = load();

        assertThat(fromManifest.filesRead()).isZero();
        assertSameGraph(fromManifest.graph(), read.graph());
        assertThatThrownBy(() -> fromManifest.script("b2")).isInstanceOf(IllegalStateException.class);
        assertThat(fromManifest.reading(List.of("b2")).block(PATIENCE).script("b2").checksum()).isEqualTo(read.script("b2").checksum());
        assertThat(fromManifest.filesRead()).isOne();
    }

    @Test
    void theManifestKeepsWhatListingAndCheckingRevisionsNeed() {
        Catalog read = load();
        CatalogCache.clear();
        Catalog fromManifest = load();

        assertThat(fromManifest.filesRead()).isZero();
        for (String id : List.of("a1", "b2", "c3")) {
            assertThat(fromManifest.summary(id)).isEqualTo(read.summary(id));
        }
        assertThat(fromManifest.summary("c3").message()).isEqualTo("Add c3");
        assertThat(fromManifest.summary("c3").transactional()).isFalse();
        assertThat(fromManifest.summary("b2").transactional()).isTrue();
        assertThat(fromManifest.summary("b2").checksum()).startsWith("sha256:")
                .isNotEqualTo(fromManifest.summary("a1").checksum());
    }

    private static void assertSameGraph(RevisionGraph actual, RevisionGraph expected) {
        assertThat(actual.heads()).isEqualTo(expected.heads());
        assertThat(actual.branchLabels()).isEqualTo(expected.branchLabels());
        for (String id : List.of("a1", "b2", "c3")) {
            assertThat(actual.revision(id)).isEqualTo(expected.revision(id));
        }
    }

    @Test
    void theSameProcessKeepsUsingTheCatalogItRead() throws Exception {
        Catalog read = load();

        assertThat(load()).isSameAs(read);
        assertThat(Catalog.load(MigrationSources.directory(migrations)).block(PATIENCE)).isSameAs(read);
    }

    @Test
    void anEditedFileIsReadAgainAndItsManifestReplaced() throws Exception {
        changeableFiles();
        load();
        write(migrations, "c3", "b2", null);
        settle();
        CatalogCache.clear();

        Catalog edited = load();
        assertThat(edited.filesRead()).isOne();
        assertThat(edited.script("c3").parents()).containsExactly("b2");
        assertThat(edited.graph().heads()).containsExactly("c3");

        CatalogCache.clear();
        Catalog again = load();
        assertThat(again.filesRead()).isZero();
        assertThat(again.graph().revision("c3").parents()).containsExactly("b2");
    }

    @Test
    void aNewFileIsTheOnlyOneReadAndARemovedOneIsSeen() throws Exception {
        changeableFiles();
        load();
        write(migrations, "d4", "c3", null);
        settle();
        CatalogCache.clear();
        Catalog added = load();
        assertThat(added.filesRead()).isOne();
        assertThat(added.script("d4").parents()).containsExactly("c3");
        assertThat(added.graph().heads()).containsExactlyInAnyOrder("b2", "d4");

        Files.delete(migrations.resolve("d4.sql"));
        CatalogCache.clear();
        Catalog removed = load();
        assertThat(removed.filesRead()).isZero();
        assertThat(removed.graph().contains("d4")).isFalse();
        assertThat(removed.graph().heads()).containsExactlyInAnyOrder("b2", "c3");
    }

    @Test
    void removingAFileOthersReviseFailsValidationThoughNoFileIsRead() throws Exception {
        changeableFiles();
        load();
        Files.delete(migrations.resolve("a1.sql"));
        CatalogCache.clear();

        assertThatThrownBy(this::load).isInstanceOf(RevisionGraphException.class).hasMessageContaining("a1");
        CatalogCache.clear();
        assertThatThrownBy(this::load).isInstanceOf(RevisionGraphException.class);
    }

    @Test
    void aFileWhoseHeaderChangesBeforeItIsReadFailsTheRunNamingIt() throws Exception {
        changeableFiles();
        load();
        CatalogCache.clear();
        Catalog fromManifest = load();
        write(migrations, "c3", "b2", null);

        assertThatThrownBy(() -> fromManifest.reading(List.of("c3")).block(PATIENCE)).isInstanceOf(RetortException.class)
                .hasMessageContaining(migrations.resolve("c3.sql").toString())
                .hasMessageContaining("changed while Retort was running");
    }

    @Test
    void filesChangedMomentsAgoGetNoManifest() throws Exception {
        migrations = changing;
        write(migrations, "a1", null, null);

        assertThat(load().filesRead()).isOne();
        assertThat(manifestFiles()).isEmpty();
    }

    @Test
    void aDamagedManifestIsIgnoredAndWrittenAgain() throws Exception {
        load();
        Path manifest = manifestFiles().get(0);
        byte[] whole = Files.readAllBytes(manifest);
        Files.write(manifest, Arrays.copyOf(whole, whole.length / 2));
        CatalogCache.clear();

        assertThat(load().filesRead()).isEqualTo(3);
        assertThat(Files.readAllBytes(manifest)).isEqualTo(whole);
    }

    @Test
    void aManifestAlteredInPlaceIsIgnored() throws Exception {
        load();
        Path manifest = manifestFiles().get(0);
        byte[] bytes = Files.readAllBytes(manifest);
        // The id "c3" as written (its length, then its characters) becomes "c4": only the checksum can tell.
        int id = indexOf(bytes, new byte[] {0, 2, 'c', '3'});
        bytes[id + 3] = '4';
        Files.write(manifest, bytes);
        CatalogCache.clear();

        Catalog read = load();
        assertThat(read.filesRead()).isEqualTo(3);
        assertThat(read.graph().contains("c3")).isTrue();
    }

    private static int indexOf(byte[] bytes, byte[] part) {
        for (int i = 0; i + part.length <= bytes.length; i++) {
            if (Arrays.equals(bytes, i, i + part.length, part, 0, part.length)) {
                return i;
            }
        }
        throw new AssertionError("not found");
    }

    @Test
    void aManifestDirectoryThatCannotBeWrittenOnlyMeansTheFilesAreRead() throws Exception {
        Path notADirectory = Files.writeString(manifests.resolve("taken"), "a file, not a directory");

        Catalog read = Catalog.load(MigrationSources.directory(migrations), Optional.of(notADirectory.resolve("retort")))
                .blockOptional().orElseThrow();

        assertThat(read.filesRead()).isEqualTo(3);
        assertThat(read.graph().heads()).containsExactlyInAnyOrder("b2", "c3");
    }
}
