package dev.retort.micronaut;

import dev.retort.test.database.PostgresDatabase;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.env.Environment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Migrations packaged in the application jar, read through the class loader the application
 * context was built with, as in a deployed service.
 */
class PackagedJarIntegrationTests {

    private static final String LOCATION = "packaged/migrations";

    @RegisterExtension
    static final PostgresDatabase db = new PostgresDatabase();

    @Test
    void migrationsInsideAJarOnTheApplicationsClassLoaderAreApplied(@TempDir Path directory) throws IOException {
        Path jar = packageExampleMigrations(directory.resolve("application.jar"));
        Map<String, Object> properties = new HashMap<>(TestApplications.datasource("default", db));
        properties.put("retort.datasources.default.locations", "classpath:" + LOCATION);

        try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, getClass().getClassLoader());
                ApplicationContext ignored = ApplicationContext.builder().classLoader(loader).properties(properties)
                        .environments(Environment.TEST).start()) {
            assertThat(loader.getResource(LOCATION).getProtocol()).as("the location is inside the jar")
                    .isEqualTo("jar");
            assertThat(db.column("SELECT revision FROM retort_version", String.class))
                    .containsExactly("002_add_rejection_reason");
        }
    }

    /** Writes the example migrations under {@link #LOCATION}, with directory entries as jar tools do. */
    private static Path packageExampleMigrations(Path jar) throws IOException {
        try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file);
                Stream<Path> files = Files.list(Path.of("..", "migrations", "provider-registration"))) {
            for (String folder : List.of("packaged/", LOCATION + "/")) {
                out.putNextEntry(new JarEntry(folder));
                out.closeEntry();
            }
            for (Path script : files.filter(f -> f.toString().endsWith(".sql")).sorted().toList()) {
                out.putNextEntry(new JarEntry(LOCATION + "/" + script.getFileName()));
                Files.copy(script, out);
                out.closeEntry();
            }
        }
        return jar;
    }
}
