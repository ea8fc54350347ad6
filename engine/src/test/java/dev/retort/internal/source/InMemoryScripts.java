package dev.retort.internal.source;

import dev.retort.spi.ScriptResource;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/** Migration files held in memory, parsed as the directory source parses files ({@code dir/<name>}). */
public final class InMemoryScripts {

    private InMemoryScripts() {
    }

    /**
     * @param name the file's name
     * @param text its text
     * @return the parsed script
     */
    public static Script parse(String name, String text) {
        return ScriptParser.parse(resource(name, text.getBytes(StandardCharsets.UTF_8)));
    }

    /**
     * @param name  the file's name
     * @param bytes its content
     * @return a resource at {@code dir/<name>}
     */
    public static ScriptResource resource(String name, byte[] bytes) {
        return new ScriptResource() {
            @Override
            public String fileName() {
                return name;
            }

            @Override
            public String location() {
                return "dir/" + name;
            }

            @Override
            public InputStream open() {
                return new ByteArrayInputStream(bytes);
            }
        };
    }
}
