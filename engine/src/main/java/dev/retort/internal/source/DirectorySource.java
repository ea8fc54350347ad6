package dev.retort.internal.source;

import dev.retort.spi.MigrationSource;
import dev.retort.spi.ScriptResource;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Scripts read from a directory of the file system. */
public final class DirectorySource implements MigrationSource {

    private final Path directory;
    private final boolean recursive;

    /**
     * @param directory the directory holding {@code .sql} files
     * @param recursive whether subdirectories are read too
     */
    public DirectorySource(Path directory, boolean recursive) {
        this.directory = directory;
        this.recursive = recursive;
    }

    @Override
    public List<ScriptResource> scripts() throws IOException {
        if (!Files.isDirectory(directory)) {
            throw new NoSuchFileException(directory.toString(), null,
                    "the migrations directory does not exist; create it or point the migrations location elsewhere");
        }
        try (Stream<Path> files = recursive ? Files.walk(directory) : Files.list(directory)) {
            return files.filter(DirectorySource::isScript).sorted().<ScriptResource>map(FileScript::new).toList();
        }
    }

    private static boolean isScript(Path path) {
        return path.getFileName().toString().endsWith(".sql") && Files.isRegularFile(path);
    }

    @Override
    public String description() {
        return directory.toString();
    }

    private record FileScript(Path path) implements ScriptResource {

        @Override
        public String fileName() {
            return path.getFileName().toString();
        }

        @Override
        public String location() {
            return path.toString();
        }

        @Override
        public InputStream open() throws IOException {
            return Files.newInputStream(path);
        }
    }
}
