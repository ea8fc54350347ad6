package dev.retort.bench.child;

import name.nkonev.r2dbc.migrate.reader.MigrateResource;
import name.nkonev.r2dbc.migrate.reader.MigrateResourceReader;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.List;
import java.util.stream.Stream;

/**
 * Lists the files matching {@code <directory>/<glob>} for r2dbc-migrate. Its published readers scan
 * the class path with Spring or Reflections; the benchmark keeps migrations in a directory, as it
 * does for every tool, so it lists that directory instead (the cheaper of the two).
 */
final class DirectoryResourceReader implements MigrateResourceReader {

    @Override
    public List<MigrateResource> getResources(String locationPattern) {
        Path pattern = Path.of(locationPattern);
        PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + pattern.getFileName());
        try (Stream<Path> files = Files.list(pattern.getParent())) {
            return files.filter(f -> matcher.matches(f.getFileName())).sorted().<MigrateResource>map(FileResource::new)
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One migration file. */
    private record FileResource(Path path) implements MigrateResource {

        @Override
        public boolean isReadable() {
            return Files.isReadable(path);
        }

        @Override
        public InputStream getInputStream() throws IOException {
            return Files.newInputStream(path);
        }

        @Override
        public String getFilename() {
            return path.getFileName().toString();
        }
    }
}
