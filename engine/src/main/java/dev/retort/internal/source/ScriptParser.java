package dev.retort.internal.source;

import dev.retort.error.MigrationFileException;
import dev.retort.spi.ScriptResource;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
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

    private static final String UPGRADE = "upgrade";
    private static final String DOWNGRADE = "downgrade";

    private ScriptParser() {
    }

    /**
     * @param resource the file to read
     * @return the parsed script
     * @throws MigrationFileException when the file is unreadable, not UTF-8, binary, or malformed
     */
    public static Script parse(ScriptResource resource) {
        String file = resource.location();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(resource.open(), strictUtf8()))) {
            return new FileReading(resource, defaultId(resource.fileName())).read(reader);
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

        Script read(BufferedReader reader) throws IOException {
            int lineNumber = 0;
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                lineNumber++;
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
                    checksum.value(),
                    file);
        }
    }
}
