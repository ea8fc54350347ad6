package dev.retort.internal.sql;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;

/**
 * One SQL file of the corpus, with the text both splitters are given.
 *
 * <p>Extension scripts are rewritten the way PostgreSQL 15's {@code CREATE EXTENSION} rewrites
 * them before handing them to the server (see {@code execute_extension_script} in
 * {@code src/backend/commands/extension.c}): lines starting with {@code \echo} become empty, since
 * they exist only to stop people from running the script with psql and end in {@code \quit};
 * {@code @extowner@} becomes the user running it; {@code @extschema@} becomes the target schema
 * when the extension is not relocatable; and
 * {@code MODULE_PATHNAME} becomes the control file's {@code module_pathname}. Emptying lines
 * rather than removing them keeps every file line where it was, so line numbers in failures are
 * the installed file's.
 *
 * @param name    the path relative to the corpus directory, for messages
 * @param text    the SQL as both splitters see it
 * @param bytes   the size of the file on disk
 * @param control the extension's control settings; {@code null} for a file that is not an
 *                extension script
 * @param schema  the schema {@code @extschema@} stands for and the script runs in; {@code null}
 *                for a file that is not an extension script
 */
record CorpusScript(String name, String text, long bytes, ExtensionControl control, String schema) {

    /** The schema the harness creates for extensions that do not fix their own. */
    static final String EXTENSION_SCHEMA = "corpus_ext";

    /** {@code CREATE EXTENSION}'s regular expression, newline-sensitive: {@code ^\\echo.*$}. */
    private static final Pattern ECHO_LINE = Pattern.compile("^\\\\echo.*$", Pattern.MULTILINE | Pattern.UNIX_LINES);

    /** Reads a file that is run as it is, such as {@code information_schema.sql}. */
    static CorpusScript plain(Path corpus, Path file) {
        return new CorpusScript(nameOf(corpus, file), read(file), size(file), null, null);
    }

    /**
     * Reads an extension script and rewrites it as {@code CREATE EXTENSION} would.
     *
     * @param owner the user the script runs as
     */
    static CorpusScript extension(Path corpus, Path file, String owner) {
        String fileName = file.getFileName().toString();
        ExtensionControl control = ExtensionControl.read(file.getParent(), fileName.substring(0, fileName.indexOf("--")));
        String schema = control.schema() != null ? control.schema() : EXTENSION_SCHEMA;
        // The names substituted below are plain lower-case names, which need no quoting.
        String text = ECHO_LINE.matcher(read(file)).replaceAll("").replace("@extowner@", owner);
        if (!control.relocatable()) {
            text = text.replace("@extschema@", schema);
        }
        if (control.modulePathname() != null) {
            text = text.replace("MODULE_PATHNAME", control.modulePathname());
        }
        return new CorpusScript(nameOf(corpus, file), text, size(file), control, schema);
    }

    /** @return whether this installs an extension from scratch ({@code name--1.0.sql}, not an update {@code name--1.0--1.1.sql}) */
    boolean isExtensionInstall() {
        return control != null && name.indexOf("--") == name.lastIndexOf("--");
    }

    private static String nameOf(Path corpus, Path file) {
        return corpus.relativize(file).toString();
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read corpus file " + file, e);
        }
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read corpus file " + file, e);
        }
    }
}
