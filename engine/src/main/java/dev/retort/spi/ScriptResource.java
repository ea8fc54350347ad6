package dev.retort.spi;

import java.io.IOException;
import java.io.InputStream;

/**
 * One migration script as a source provides it: a name for messages and a way to read its bytes.
 * The engine may open a resource more than once (to stream a very large file twice rather than
 * hold it in memory), so {@link #open()} must return a fresh stream each time.
 */
public interface ScriptResource {

    /**
     * @return the file name, e.g. {@code 001_add_version_column.sql}; the default revision id is
     *     this name without {@code .sql}
     */
    String fileName();

    /**
     * @return where the script lives, for messages (a path or a classpath location)
     */
    String location();

    /**
     * @return a new stream over the script's UTF-8 bytes; the caller closes it
     * @throws IOException when it cannot be read
     */
    InputStream open() throws IOException;
}
