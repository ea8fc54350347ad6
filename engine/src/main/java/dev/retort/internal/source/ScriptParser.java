package dev.retort.internal.source;

import dev.retort.error.MigrationFileException;
import dev.retort.spi.ScriptResource;
import org.jspecify.annotations.Nullable;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.SequenceInputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;

/**
 * Reads one migration file: header lines, then {@code -- +upgrade} and {@code -- +downgrade}
 * sections. Blocking; the engine calls it on a bounded-elastic worker. Statements are split later,
 * only for the revisions a plan runs.
 */
public final class ScriptParser {

    private static final String BYTE_ORDER_MARK = "\uFEFF";
    private static final String UPGRADE = "upgrade";
    private static final String DOWNGRADE = "downgrade";

    /** Files smaller than this are read with one call and decoded at once; larger ones are streamed. */
    private static final int WHOLE_FILE_LIMIT = Section.IN_MEMORY_LIMIT;

    private ScriptParser() {
    }

    /**
     * @param resource the file to read
     * @return the parsed script
     * @throws MigrationFileException when the file is unreadable, not UTF-8, binary, or malformed
     */
    public static Script parse(ScriptResource resource) {
        String file = resource.location();
        try (InputStream in = resource.open()) {
            FileReading reading = new FileReading(resource, defaultId(resource.fileName()));
            byte[] start = in.readNBytes(WHOLE_FILE_LIMIT);
            if (start.length < WHOLE_FILE_LIMIT) {
                // The usual, small file: one read and one decode instead of a reader's buffers.
                return reading.read(new TextLines(strictUtf8().decode(ByteBuffer.wrap(start)).toString())::next);
            }
            BufferedReader rest = new BufferedReader(new InputStreamReader(
                    new SequenceInputStream(new ByteArrayInputStream(start), in), strictUtf8()));
            return reading.read(rest::readLine);
        } catch (CharacterCodingException e) {
            throw new MigrationFileException(file, 0, "is not valid UTF-8; save it as UTF-8");
        } catch (IOException e) {
            throw new MigrationFileException(file, 0, "cannot be read: " + e.getMessage());
        }
    }

    private static CharsetDecoder strictUtf8() {
        return StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
    }

    private static String defaultId(String fileName) {
        return fileName.endsWith(".sql") ? fileName.substring(0, fileName.length() - 4) : fileName;
    }

    /** Where a file's lines come from, without their line terminators; {@code null} at the end. */
    @FunctionalInterface
    private interface LineSource {
        String next() throws IOException;
    }

    /**
     * The lines of a decoded file, each ended by {@code \n}, {@code \r\n} or a lone {@code \r},
     * exactly as {@link BufferedReader#readLine()} reads them.
     */
    private static final class TextLines {

        private final String text;
        private final boolean carriageReturns;
        private int position;

        TextLines(String text) {
            this.text = text;
            this.carriageReturns = text.indexOf('\r') >= 0;
        }

        @Nullable String next() {
            if (position >= text.length()) {
                return null;
            }
            int end = lineEnd();
            String line = text.substring(position, end);
            position = end + (text.startsWith("\r\n", end) ? 2 : 1);
            return line;
        }

        /** Searches with {@link String#indexOf(int, int)}, which is fast even before the JIT compiles this. */
        private int lineEnd() {
            int newline = text.indexOf('\n', position);
            int end = newline < 0 ? text.length() : newline;
            if (carriageReturns) {
                int carriageReturn = text.indexOf('\r', position);
                if (carriageReturn >= 0 && carriageReturn < end) {
                    end = carriageReturn;
                }
            }
            return end;
        }
    }

    /** The state of reading one file, line by line. */
    private static final class FileReading {

        private final ScriptResource resource;
        private final String file;
        private final String defaultId;
        private final Header header;
        private final Checksums checksum = new Checksums();
        private final StringBuilder text = new StringBuilder();
        private String section;
        private int sectionStart;
        private boolean streamed;
        private Section upgrade;
        private Section downgrade;

        FileReading(ScriptResource resource, String defaultId) {
            this.resource = resource;
            this.file = resource.location();
            this.defaultId = defaultId;
            this.header = new Header(file);
        }

        Script read(LineSource lines) throws IOException {
            int lineNumber = 0;
            for (String line = lines.next(); line != null; line = lines.next()) {
                lineNumber++;
                if (lineNumber == 1 && line.startsWith(BYTE_ORDER_MARK)) {
                    // Some Windows editors start UTF-8 files with one; it is not part of the text.
                    line = line.substring(1);
                }
                if (line.indexOf('\0') >= 0) {
                    throw new MigrationFileException(file, lineNumber, "contains NUL bytes; is it a binary file?"
                            + " Migration files are UTF-8 SQL text");
                }
                acceptLine(line, lineNumber);
            }
            closeSection(lineNumber);
            return toScript(lineNumber);
        }

        private void acceptLine(String line, int lineNumber) {
            Optional<String> marker = marker(line, lineNumber);
            if (marker.isPresent()) {
                closeSection(lineNumber - 1);
                openSection(marker.get(), lineNumber);
            } else if (section == null) {
                header.accept(line, lineNumber);
            } else {
                keep(line);
            }
            if (section != null) {
                checksum.addLine(line);
            }
        }

        private Optional<String> marker(String line, int lineNumber) {
            if (line.indexOf('+') < 0) {
                return Optional.empty(); // most lines: no marker can be in them
            }
            String trimmed = line.strip();
            if (!trimmed.startsWith("--")) {
                return Optional.empty();
            }
            String rest = trimmed.substring(2).strip();
            if (!rest.startsWith("+")) {
                return Optional.empty();
            }
            String name = rest.substring(1).strip().toLowerCase(Locale.ROOT);
            if (!name.equals(UPGRADE) && !name.equals(DOWNGRADE)) {
                throw new MigrationFileException(file, lineNumber, "unknown section marker '" + trimmed
                        + "'; the sections are '-- +upgrade' and '-- +downgrade'");
            }
            return Optional.of(name);
        }

        private void openSection(String name, int lineNumber) {
            if ((name.equals(UPGRADE) ? upgrade : downgrade) != null) {
                throw new MigrationFileException(file, lineNumber, "second '-- +" + name + "' section; a file has one");
            }
            section = name;
            sectionStart = lineNumber + 1;
        }

        /** Keeps a section's line in memory until the section proves too large to keep. */
        private void keep(String line) {
            if (streamed) {
                return;
            }
            text.append(line).append('\n');
            if (text.length() > Section.IN_MEMORY_LIMIT) {
                streamed = true;
                text.setLength(0);
                text.trimToSize();
            }
        }

        private void closeSection(int lastLine) {
            if (section == null) {
                return;
            }
            Section done = streamed ? Section.streamed(resource, sectionStart, lastLine)
                    : Section.inMemory(text.toString(), sectionStart);
            text.setLength(0);
            streamed = false;
            if (section.equals(UPGRADE)) {
                upgrade = done;
            } else {
                downgrade = done;
            }
            section = null;
        }

        private Script toScript(int lineCount) {
            if (upgrade == null) {
                throw new MigrationFileException(file, lineCount == 0 ? 0 : 1, lineCount == 0
                        ? "is empty; a migration needs a '-- +upgrade' section"
                        : "has no '-- +upgrade' section; add one above the statements that apply this revision");
            }
            return new Script(
                    header.value("revision").orElse(defaultId),
                    header.list("revises"),
                    header.list("depends-on"),
                    header.set("branch-labels"),
                    header.value("message").orElse(""),
                    header.transactional(1),
                    upgrade,
                    Optional.ofNullable(downgrade),
                    checksum,
                    file,
                    header.settings(),
                    header.suppressions());
        }
    }
}
