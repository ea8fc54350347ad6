package dev.retort.internal.source;

import dev.retort.spi.MigrationSource;
import dev.retort.spi.ScriptResource;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
        List<ScriptResource> scripts;
        try (Stream<Path> files = recursive ? Files.walk(directory) : Files.list(directory)) {
            scripts = files.filter(path -> path.getFileName().toString().endsWith(".sql")).sorted()
                    .map(FileScript::of).flatMap(Optional::stream).<ScriptResource>map(script -> script).toList();
        }
        if (scripts.isEmpty() && !recursive) {
            refuseIfOnlySubdirectoriesHoldScripts();
        }
        return scripts;
    }

    /**
     * An empty directory is a project before its first revision; one whose {@code .sql} files are
     * all in subdirectories is a location that names their parent by mistake, which would otherwise
     * read as "nothing to do".
     */
    private void refuseIfOnlySubdirectoriesHoldScripts() throws IOException {
        List<String> holding;
        try (Stream<Path> entries = Files.list(directory)) {
            holding = entries.filter(Files::isDirectory).filter(DirectorySource::holdsScripts)
                    .map(path -> path.getFileName() + "/").sorted().toList();
        }
        if (!holding.isEmpty()) {
            throw new NoSuchFileException(directory.toString(), null, "no .sql files directly in it, but "
                    + String.join(", ", holding) + (holding.size() == 1 ? " holds" : " hold") + " some: only the files"
                    + " directly inside are read, so point the migrations location at the folder of one set");
        }
    }

    private static boolean holdsScripts(Path directory) {
        try (Stream<Path> entries = Files.list(directory)) {
            return entries.anyMatch(path -> path.getFileName().toString().endsWith(".sql"));
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    public String description() {
        return directory.toString();
    }

    /**
     * @param path  the file
     * @param stamp what identifies this version of it, if the file system tells its change time
     */
    private record FileScript(Path path, Optional<FileStamp> stamp) implements ScriptResource, Stamped {

        /** One {@code stat} gives both whether it is a regular file and its stamp. */
        static Optional<FileScript> of(Path path) {
            try {
                Map<String, Object> unix = Files.readAttributes(path, FileStamp.UNIX_ATTRIBUTES);
                return Boolean.TRUE.equals(unix.get("isRegularFile"))
                        ? Optional.of(new FileScript(path, Optional.of(FileStamp.of(unix)))) : Optional.empty();
            } catch (UnsupportedOperationException | IllegalArgumentException e) {
                // A file system without the "unix" view (e.g. Windows): no stamp, so the file is always read.
                return Files.isRegularFile(path) ? Optional.of(new FileScript(path, Optional.empty())) : Optional.empty();
            } catch (IOException e) {
                // Gone since the listing, or unreadable: reading it will say which, naming the file.
                return Optional.of(new FileScript(path, Optional.empty()));
            }
        }

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
