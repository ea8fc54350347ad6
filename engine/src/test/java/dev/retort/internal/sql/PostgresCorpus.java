package dev.retort.internal.sql;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The SQL that a PostgreSQL 15 server installation ships: the scripts initdb runs
 * ({@code information_schema.sql}, {@code system_views.sql}, ...) and the install and update
 * scripts of the contrib extensions. Nobody on this project wrote any of it, which is the point.
 *
 * <p>On Debian both come with the package {@code postgresql-15}, and psql with
 * {@code postgresql-client-15}. A machine without them fails the corpus tests with a message
 * saying so: a missing corpus must never look like a passing one. {@code -Dretort.corpus.dir}
 * points at another installation's {@code share} directory.
 */
final class PostgresCorpus {

    private static final String VERSION = "15";
    private static final String DIRECTORY = System.getProperty("retort.corpus.dir", "/usr/share/postgresql/" + VERSION);
    private static final String INSTALL_HINT = "install the Debian package postgresql-" + VERSION
            + " (apt-get install postgresql-" + VERSION + "), or point -Dretort.corpus.dir at a PostgreSQL share directory";

    private final Path directory;

    private PostgresCorpus(Path directory) {
        this.directory = directory;
    }

    /**
     * @return the corpus of this machine
     * @throws AssertionError naming the package to install when there is none
     */
    static PostgresCorpus locate() {
        Path directory = Path.of(DIRECTORY);
        if (!Files.isRegularFile(directory.resolve("information_schema.sql"))) {
            throw new AssertionError("No PostgreSQL server scripts in " + directory + ": " + INSTALL_HINT);
        }
        if (sqlFiles(directory.resolve("extension")).isEmpty()) {
            throw new AssertionError("No extension scripts in " + directory.resolve("extension") + ": " + INSTALL_HINT
                    + " (on other distributions the contrib package)");
        }
        return new PostgresCorpus(directory);
    }

    /**
     * @param owner the user the extension scripts run as, for {@code @extowner@}
     * @return every script, server scripts first, each group in file name order
     */
    List<CorpusScript> scripts(String owner) {
        List<CorpusScript> scripts = new ArrayList<>();
        sqlFiles(directory).forEach(file -> scripts.add(CorpusScript.plain(directory, file)));
        sqlFiles(directory.resolve("extension"))
                .forEach(file -> scripts.add(CorpusScript.extension(directory, file, owner)));
        return scripts;
    }

    /**
     * @return the psql of the corpus's PostgreSQL version, else the one on the PATH
     * @throws AssertionError naming the package to install when there is none
     */
    static String psql() {
        Path versioned = Path.of("/usr/lib/postgresql", VERSION, "bin", "psql");
        if (Files.isExecutable(versioned)) {
            return versioned.toString();
        }
        boolean onPath = Stream.of(System.getenv().getOrDefault("PATH", "").split(":"))
                .anyMatch(dir -> Files.isExecutable(Path.of(dir, "psql")));
        if (!onPath) {
            throw new AssertionError("psql, the reference splitter, is not installed: install the Debian package"
                    + " postgresql-client-" + VERSION);
        }
        return "psql";
    }

    /**
     * PostGIS, which the example migrations need, installs beside contrib: hundreds of upgrade
     * scripts, not PostgreSQL's own, that would multiply the corpus's time for nothing new.
     */
    private static boolean isPostgis(String fileName) {
        return fileName.startsWith("postgis") || fileName.startsWith("address_standardizer");
    }

    private static List<Path> sqlFiles(Path directory) {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(file -> file.getFileName().toString().endsWith(".sql"))
                    .filter(file -> !isPostgis(file.getFileName().toString())).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + directory, e);
        }
    }
}
