package dev.retort.internal.source;

import dev.retort.spi.MigrationSource;
import dev.retort.spi.ScriptResource;

import java.io.IOException;
import java.io.InputStream;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * Scripts under one classpath location, whether the location is an exploded directory or a
 * folder inside a jar. Only that location is listed: there is no classpath scanning.
 */
public final class ClasspathSource implements MigrationSource {

    private static final String PREFIX = "classpath:";

    private final String location;
    private final ClassLoader loader;

    /**
     * @param location a location such as {@code db/migrations}, with or without {@code classpath:}
     * @param loader   the class loader whose resources are read
     */
    public ClasspathSource(String location, ClassLoader loader) {
        String path = location.startsWith(PREFIX) ? location.substring(PREFIX.length()) : location;
        this.location = trimSlashes(path);
        this.loader = loader;
    }

    private static String trimSlashes(String path) {
        String trimmed = path.strip();
        while (trimmed.startsWith("/")) {
            trimmed = trimmed.substring(1);
        }
        while (trimmed.endsWith("/")) {
            trimmed = trimmed.substring(0, trimmed.length() - 1);
        }
        return trimmed;
    }

    @Override
    public List<ScriptResource> scripts() throws IOException {
        List<String> names = new ArrayList<>();
        for (URL root : Collections.list(loader.getResources(location))) {
            names.addAll(list(root));
        }
        if (names.isEmpty() && loader.getResource(location) == null) {
            throw new IOException("classpath location '" + location + "' does not exist; add the folder to the"
                    + " application's resources or correct the configured location");
        }
        return names.stream().distinct().sorted().<ScriptResource>map(ClasspathScript::new).toList();
    }

    private List<String> list(URL root) throws IOException {
        return switch (root.getProtocol()) {
            case "file" -> listDirectory(root);
            case "jar" -> listJar(root);
            default -> throw new IOException("cannot list classpath location " + root
                    + "; use a file system directory or a jar");
        };
    }

    private List<String> listDirectory(URL root) throws IOException {
        try (Stream<Path> files = Files.list(Path.of(root.toURI()))) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".sql"))
                    .map(n -> location + "/" + n).toList();
        } catch (URISyntaxException e) {
            throw new IOException("malformed classpath URL " + root, e);
        }
    }

    private List<String> listJar(URL root) throws IOException {
        JarURLConnection connection = (JarURLConnection) root.openConnection();
        connection.setUseCaches(false);
        String folder = location + "/";
        try (JarFile jar = connection.getJarFile()) {
            return jar.stream().map(JarEntry::getName)
                    .filter(n -> n.startsWith(folder) && n.endsWith(".sql") && n.indexOf('/', folder.length()) < 0)
                    .toList();
        }
    }

    @Override
    public String description() {
        return PREFIX + location;
    }

    private final class ClasspathScript implements ScriptResource {

        private final String name;

        ClasspathScript(String name) {
            this.name = name;
        }

        @Override
        public String fileName() {
            return name.substring(name.lastIndexOf('/') + 1);
        }

        @Override
        public String location() {
            return PREFIX + name;
        }

        @Override
        public InputStream open() throws IOException {
            InputStream in = loader.getResourceAsStream(name);
            if (in == null) {
                throw new IOException(location() + " disappeared from the classpath");
            }
            return in;
        }
    }
}
