package dev.retort.internal.source;

import dev.retort.internal.sql.SqlStatement;
import dev.retort.internal.sql.StatementSplitter;
import dev.retort.spi.ScriptResource;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Schedulers;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The SQL of one section ({@code -- +upgrade} or {@code -- +downgrade}) and the file line of its
 * first character, so that statements split from it keep their file line numbers. A small
 * section keeps its text; a large one (a data load of hundreds of megabytes) keeps only where it
 * is, and is read again from the file each time it is needed, so it is never whole in memory.
 */
public final class Section {

    /** Sections up to this many characters are kept in memory. */
    static final int IN_MEMORY_LIMIT = 1 << 20;

    private final String text;
    private final int firstLine;
    private final int lastLine;
    private final ScriptResource resource;

    private Section(String text, int firstLine, int lastLine, ScriptResource resource) {
        this.text = text;
        this.firstLine = firstLine;
        this.lastLine = lastLine;
        this.resource = resource;
    }

    /**
     * @param text      the section's text, line endings normalised to {@code \n}
     * @param firstLine the 1-based file line of its first character
     * @return a section kept in memory
     */
    public static Section inMemory(String text, int firstLine) {
        return new Section(text, firstLine, 0, null);
    }

    /**
     * @param resource  the file
     * @param firstLine the section's first line
     * @param lastLine  its last line, inclusive
     * @return a section read from the file when needed
     */
    static Section streamed(ScriptResource resource, int firstLine, int lastLine) {
        return new Section(null, firstLine, lastLine, resource);
    }

    /** @return the 1-based file line of the section's first character */
    public int firstLine() {
        return firstLine;
    }

    /** @return whether the text is kept in memory (else it is streamed from the file) */
    public boolean inMemory() {
        return text != null;
    }

    /**
     * @param chars a number of characters
     * @return whether the text is in memory and shorter than that, so its statements are too
     */
    public boolean fitsIn(int chars) {
        return inMemory() && text.length() < chars;
    }

    /**
     * @param origin the file name for error messages
     * @return the section's statements, split on subscription; a streamed section is read on a
     *     bounded-elastic worker, one statement at a time as they are requested
     */
    public Flux<SqlStatement> statements(String origin) {
        if (inMemory()) {
            return Flux.defer(() -> Flux.fromIterable(StatementSplitter.split(text, origin, firstLine)));
        }
        return Flux.using(this::open, reader -> Flux.fromIterable(() -> new StatementSplitter(reader, origin, firstLine)),
                        Section::close)
                .subscribeOn(Schedulers.boundedElastic());
    }

    /**
     * @param origin the file name for error messages
     * @return the statements of an in-memory section
     * @throws IllegalStateException for a streamed section, whose statements must not be collected
     */
    public List<SqlStatement> statementList(String origin) {
        if (!inMemory()) {
            throw new IllegalStateException("a streamed section is never split into one list");
        }
        return StatementSplitter.split(text, origin, firstLine);
    }

    private Reader open() throws IOException {
        BufferedReader lines = new BufferedReader(new InputStreamReader(resource.open(), StandardCharsets.UTF_8));
        for (int line = 1; line < firstLine; line++) {
            lines.readLine();
        }
        return new LineRangeReader(lines, lastLine - firstLine + 1);
    }

    private static void close(Reader reader) {
        try {
            reader.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @return whether the section holds no statements; only asked of small sections */
    public boolean isBlank() {
        return inMemory() && text.isBlank();
    }

    @Override
    public String toString() {
        return inMemory() ? "Section[line " + firstLine + ", " + text.length() + " chars]"
                : "Section[lines " + firstLine + "-" + lastLine + " of " + resource.location() + "]";
    }

    /** Reads a fixed number of lines from a line reader, normalising their endings to {@code \n}. */
    private static final class LineRangeReader extends Reader {

        private final BufferedReader lines;
        private int remaining;
        private String current = "";
        private int position;

        LineRangeReader(BufferedReader lines, int count) {
            this.lines = lines;
            this.remaining = count;
        }

        @Override
        public int read(char[] buffer, int offset, int length) throws IOException {
            if (position == current.length() && !nextLine()) {
                return -1;
            }
            int n = Math.min(length, current.length() - position);
            current.getChars(position, position + n, buffer, offset);
            position += n;
            return n;
        }

        private boolean nextLine() throws IOException {
            String line = remaining > 0 ? lines.readLine() : null;
            if (line == null) {
                return false;
            }
            remaining--;
            current = line + "\n";
            position = 0;
            return true;
        }

        @Override
        public void close() throws IOException {
            lines.close();
        }
    }
}
