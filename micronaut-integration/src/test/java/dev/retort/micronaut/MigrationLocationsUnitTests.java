package dev.retort.micronaut;

import dev.retort.error.ErrorCode;
import dev.retort.error.RetortException;
import dev.retort.spi.MigrationSource;
import dev.retort.spi.ScriptResource;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MigrationLocationsUnitTests {

    private final ClassLoader loader = getClass().getClassLoader();

    @Test
    void aLocationWithoutPrefixIsOnTheClasspath() throws IOException {
        MigrationSource source = MigrationLocations.source(List.of("db/migrations"), loader);

        assertThat(source.description()).isEqualTo("classpath:db/migrations");
        assertThat(fileNames(source)).containsExactlyInAnyOrder("000_initial_schema.sql",
                "001_add_version_column.sql", "002_add_rejection_reason.sql");
    }

    @Test
    void aFileLocationReadsThatDirectory() throws IOException {
        Path directory = Path.of("..", "migrations", "provider-registration").toAbsolutePath().normalize();

        MigrationSource source = MigrationLocations.source(List.of("file:" + directory), loader);

        assertThat(fileNames(source)).hasSize(3).contains("000_initial_schema.sql");
    }

    @Test
    void severalLocationsFormOneSource() throws IOException {
        MigrationSource source = MigrationLocations.source(
                List.of("classpath:db/migrations", "classpath:migrations/inventory"), loader);

        assertThat(source.description()).isEqualTo("classpath:db/migrations, classpath:migrations/inventory");
        assertThat(fileNames(source)).hasSize(4).contains("000_create_stock.sql");
    }

    @Test
    void aLocationWithAnotherSchemeIsRejected() {
        assertThatThrownBy(() -> MigrationLocations.source(List.of("s3://bucket/migrations"), loader))
                .isInstanceOfSatisfying(RetortException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_CONFIGURATION))
                .hasMessageContaining("s3://bucket/migrations");
    }

    @Test
    void anEmptyLocationListIsRejected() {
        assertThatThrownBy(() -> MigrationLocations.source(List.of(), loader))
                .isInstanceOf(RetortException.class).hasMessageContaining("locations");
    }

    private static List<String> fileNames(MigrationSource source) throws IOException {
        return source.scripts().stream().map(ScriptResource::fileName).toList();
    }
}
