package dev.retort.cli.output;

import java.util.List;

/**
 * ANSI styling for human output, or none. Colour is used only when writing to a terminal, never
 * when {@code NO_COLOR} is set or {@code --no-color} given, so pipes and logs stay plain text.
 */
public final class Styles {

    private static final String RESET = "\u001b[0m";
    /** Every sequence {@link #style} emits; they are the only ones {@link #safe} lets through. */
    private static final List<String> OWN_SEQUENCES = List.of(RESET, sequence("1;31"), sequence("1"), sequence("36"),
            sequence("2"), sequence("32"), sequence("33"));

    private final boolean colour;

    private Styles(boolean colour) {
        this.colour = colour;
    }

    /**
     * @param colour whether to emit ANSI codes
     * @return the styles
     */
    public static Styles of(boolean colour) {
        return new Styles(colour);
    }

    /** @return whether these styles emit ANSI codes */
    public boolean colour() {
        return colour;
    }

    /** @param text a revision id @return it, bold */
    public String revision(String text) {
        return style("1", text);
    }

    /** @param text a tag such as {@code (head)} @return it, in cyan */
    public String tag(String text) {
        return style("36", text);
    }

    /** @param text secondary text such as durations @return it, dimmed */
    public String dim(String text) {
        return style("2", text);
    }

    /** @param text good news @return it, in green */
    public String success(String text) {
        return style("32", text);
    }

    /** @param text a problem that is not an error @return it, in yellow */
    public String warning(String text) {
        return style("33", text);
    }

    /** @param text an error @return it, in bold red */
    public String error(String text) {
        return style("1;31", text);
    }

    private String style(String code, String text) {
        return colour ? sequence(code) + text + RESET : text;
    }

    private static String sequence(String code) {
        return "\u001b[" + code + "m";
    }

    /**
     * @param line a line to print, styled by these styles, with text from files and the database
     * @return it with every control character made visible, except the styles' own sequences
     */
    public String safe(String line) {
        return ControlCharacters.escape(line, colour ? OWN_SEQUENCES : List.of());
    }
}
