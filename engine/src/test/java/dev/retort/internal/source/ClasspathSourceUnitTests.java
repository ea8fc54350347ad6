package dev.retort.internal.source;

import dev.retort.MigrationSources;
import dev.retort.spi.ScriptResource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ClasspathSourceUnitTests {

    @TempDir
    Path temp;

    @Test
    void listsOnlyTheLocationsSqlFilesInsideAJar() throws IOException {
        Path jar = temp.resolve("app.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            // Directory entries, as Maven's and Gradle's jar tasks write them.
            entry(out, "db/", "");
            entry(out, "db/migrations/", "");
            entry(out, "db/migrations/001_a.sql", "-- +upgrade\nSELECT 1;\n");
            entry(out, "db/migrations/002_b.sql", "-- revises: 001_a\n-- +upgrade\nSELECT 2;\n");
            entry(out, "db/migrations/README.txt", "not a migration");
            entry(out, "db/migrations/old/000_x.sql", "-- +upgrade\nSELECT 0;\n");
            entry(out, "db/other/009_z.sql", "-- +upgrade\nSELECT 9;\n");
        }
        try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, null)) {
            List<ScriptResource> scripts = MigrationSources.classpath("classpath:db/migrations", loader).scripts();

            assertThat(scripts).extracting(ScriptResource::fileName).containsExactly("001_a.sql", "002_b.sql");
            assertThat(ScriptParser.parse(scripts.get(1)).parents()).containsExactly("001_a");
        }
    }

    @Test
    void listsAnExplodedDirectory() throws IOException {
        Path folder = Files.createDirectories(temp.resolve("classes/db/migrations"));
        Files.writeString(folder.resolve("001_a.sql"), "-- +upgrade\nSELECT 1;\n");
        try (URLClassLoader loader = new URLClassLoader(new URL[] {temp.resolve("classes").toUri().toURL()}, null)) {
            assertThat(MigrationSources.classpath("db/migrations/", loader).scripts())
                    .extracting(ScriptResource::location).containsExactly("classpath:db/migrations/001_a.sql");
        }
    }

    @Test
    void aMissingLocationIsAnErrorNamingIt() throws IOException {
        try (URLClassLoader loader = new URLClassLoader(new URL[0], null)) {
            assertThatThrownBy(() -> MigrationSources.classpath("db/nowhere", loader).scripts())
                    .hasMessageContaining("db/nowhere");
        }
    }

    @Test
    void aDirectorySourceIgnoresSubdirectoriesUnlessRecursive() throws IOException {
        Files.writeString(temp.resolve("001_a.sql"), "-- +upgrade\nSELECT 1;\n");
        Files.createDirectories(temp.resolve("archive"));
        Files.writeString(temp.resolve("archive/000_old.sql"), "-- +upgrade\nSELECT 0;\n");

        assertThat(MigrationSources.directory(temp).scripts()).extracting(ScriptResource::fileName)
                .containsExactly("001_a.sql");
        assertThat(MigrationSources.directory(temp, true).scripts()).extracting(ScriptResource::fileName)
                .containsExactlyInAnyOrder("001_a.sql", "000_old.sql");
    }

    private static void entry(JarOutputStream out, String name, String content) throws IOException {
        out.putNextEntry(new JarEntry(name));
        out.write(content.getBytes(StandardCharsets.UTF_8));
        out.closeEntry();
    }
}
