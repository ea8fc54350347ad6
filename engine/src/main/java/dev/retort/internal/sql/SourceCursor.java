package dev.retort.internal.sql;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.Objects;

/**
 * Character source over a {@link Reader} with one character of look-ahead, normalised line
 * endings and a line counter.
 *
 * <p>{@code \r\n} and a lone {@code \r} are both delivered as a single {@code \n}, so every
 * consumer downstream deals with one kind of line break and line numbers agree with what an
 * editor shows. The reader is consumed in fixed-size chunks; nothing beyond the current chunk is
 * held, which is what lets the splitter stream files of any size.
 */
final class SourceCursor {

    private static final int CHUNK = 8192;
    private static final int NONE = -2;

    private final Reader reader;
    private final char[] chunk;
    private int position;
    private int limit;
    private boolean exhausted;
    /** A {@code \r} was just delivered as {@code \n}; a {@code \n} right after it is swallowed. */
    private boolean afterCarriageReturn;
    private int lookahead = NONE;
    private int line;

    /**
     * @param reader    the source; read incrementally, never closed here (the caller owns it)
     * @param firstLine the 1-based line number of the reader's first character
     */
    SourceCursor(Reader reader, int firstLine) {
        this(reader, firstLine, CHUNK);
    }

    private SourceCursor(Reader reader, int firstLine, int chunkSize) {
        this.reader = Objects.requireNonNull(reader, "reader");
        this.line = firstLine;
        this.chunk = new char[chunkSize];
    }

    /**
     * For text already in memory: a buffer no larger than the text, since most statements are far
     * shorter than a chunk and a cursor is made for each one classified or rewritten.
     *
     * @param text      the text
     * @param firstLine the 1-based line number of its first character
     * @return a cursor over it
     */
    static SourceCursor of(String text, int firstLine) {
        return new SourceCursor(new StringReader(text), firstLine, Math.max(1, Math.min(CHUNK, text.length())));
    }

    /** @return the next character without consuming it, or -1 at the end of input */
    int peek() {
        if (lookahead == NONE) {
            lookahead = readNormalised();
        }
        return lookahead;
    }

    /** @return the next character, consumed, or -1 at the end of input */
    int next() {
        int c = peek();
        if (c != -1) {
            lookahead = NONE;
            if (c == '\n') {
                line++;
            }
        }
        return c;
    }

    /** @return the line of the character {@link #peek()} returns */
    int line() {
        return line;
    }

    private int readNormalised() {
        int c = readRaw();
        if (afterCarriageReturn) {
            afterCarriageReturn = false;
            if (c == '\n') {
                c = readRaw();
            }
        }
        if (c == '\r') {
            afterCarriageReturn = true;
            return '\n';
        }
        return c;
    }

    private int readRaw() {
        while (position == limit) {
            if (exhausted) {
                return -1;
            }
            fill();
        }
        return chunk[position++];
    }

    private void fill() {
        try {
            int count = reader.read(chunk, 0, chunk.length);
            if (count < 0) {
                exhausted = true;
            } else {
                position = 0;
                limit = count;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read migration SQL", e);
        }
    }
}
