package dev.retort.internal.source;

import dev.retort.MigrationSources;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;

import static dev.retort.test.Patience.PATIENCE;
import static org.assertj.core.api.Assertions.assertThat;

/** A directory read again in the same process is not re-read while its files are unchanged. */
class CatalogCacheUnitTests {

    @TempDir
    static Path settled;

    @TempDir
    Path fresh;

    @BeforeAll
    static void filesWrittenLongEnoughAgo() throws Exception {
        write(settled, "a1.sql", "SELECT 1;");
        write(settled, "b2.sql", "SELECT 2;");
        Thread.sleep(FileStamp.SETTLE.toMillis() + 500);
    }

    private static void write(Path directory, String name, String upgrade) throws IOException {
        String id = name.substring(0, 2);
        String revises = id.equals("a1") ? "" : "-- revises: a1\n";
        Files.writeString(directory.resolve(name), "-- revision: " + id + "\n" + revises + "-- +upgrade\n" + upgrade + "\n");
    }

    private static Catalog load(Path directory) {
        return Catalog.load(MigrationSources.directory(directory)).block(PATIENCE);
    }

    @Test
    void anUnchangedDirectoryIsReadOnce() {
        assertThat(load(settled)).isSameAs(load(settled));
    }

    @Test
    void filesChangedMomentsAgoAreReadEveryTime() throws IOException {
        write(fresh, "a1.sql", "SELECT 1;");

        assertThat(load(fresh)).isNotSameAs(load(fresh));
    }

    @Test
    void anEditIsSeenEvenWithTheSameSizeAndModificationTime() throws Exception {
        Path copy = Files.createTempDirectory(settled.getParent(), "edit");
        write(copy, "a1.sql", "SELECT 1;");
        FileTime modified = Files.getLastModifiedTime(copy.resolve("a1.sql"));
        Thread.sleep(FileStamp.SETTLE.toMillis() + 500);
        Catalog before = load(copy);
        assertThat(load(copy)).isSameAs(before);

        write(copy, "a1.sql", "SELECT 7;");
        Files.setLastModifiedTime(copy.resolve("a1.sql"), modified);

        Catalog after = load(copy);
        assertThat(after.script("a1").upgrade().statementList("a1.sql")).singleElement()
                .satisfies(statement -> assertThat(statement.sql()).isEqualTo("SELECT 7"));
    }
}
