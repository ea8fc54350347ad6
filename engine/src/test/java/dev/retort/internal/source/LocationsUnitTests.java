package dev.retort.internal.source;

import dev.retort.MigrationSources;
import dev.retort.error.ErrorCode;
import dev.retort.error.RetortException;
import dev.retort.spi.MigrationSource;
import dev.retort.spi.ScriptResource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@link MigrationSource#parse}: locations as configuration writes them. */
class LocationsUnitTests {

    @TempDir
    Path root;

    @Test
    void classpathFileAndBareLocationsFormOneSourceInOrder() throws IOException {
        Files.createDirectories(root.resolve("cp/db/migrations"));
        Files.writeString(root.resolve("cp/db/migrations/a1.sql"), "-- +upgrade\nSELECT 1;\n");
        Files.createDirectories(root.resolve("cp/extra"));
        Files.writeString(root.resolve("cp/extra/b2.sql"), "-- revises: a1\n-- +upgrade\nSELECT 1;\n");
        Files.createDirectories(root.resolve("files"));
        Files.writeString(root.resolve("files/c3.sql"), "-- revises: b2\n-- +upgrade\nSELECT 1;\n");

        try (URLClassLoader loader = new URLClassLoader(new URL[] {root.resolve("cp").toUri().toURL()}, null)) {
            MigrationSource source = MigrationSources.parse(" classpath:db/migrations, extra ,file:" + root.resolve("files"),
                    loader);

            assertThat(source.description()).isEqualTo("classpath:db/migrations, classpath:extra, " + root.resolve("files"));
            assertThat(source.scripts()).extracting(ScriptResource::fileName).containsExactly("a1.sql", "b2.sql", "c3.sql");
        }
    }

    @Test
    void aLocationWithAnotherSchemeIsAConfigurationErrorNamingIt() {
        assertThatThrownBy(() -> MigrationSources.parse("classpath:db/migrations, s3://bucket/migrations"))
                .isInstanceOfSatisfying(RetortException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_CONFIGURATION))
                .hasMessageContaining("s3://bucket/migrations");
    }

    @Test
    void noLocationAtAllIsAConfigurationError() {
        for (String none : List.of("", " , ")) {
            assertThatThrownBy(() -> MigrationSources.parse(none)).isInstanceOf(RetortException.class)
                    .hasMessageContaining("No migration location");
        }
    }
}
