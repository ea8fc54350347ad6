package dev.retort.internal.source;

/**
 * The SQL of one section ({@code -- +upgrade} or {@code -- +downgrade}) with the file line of its
 * first character, so that statements split from it keep their file line numbers.
 *
 * @param text      the section's text, line endings normalised to {@code \n}
 * @param firstLine the 1-based file line of the text's first character
 */
public record Section(String text, int firstLine) {

    /** @return whether the section holds nothing but white space */
    public boolean isBlank() {
        return text.isBlank();
    }
}
