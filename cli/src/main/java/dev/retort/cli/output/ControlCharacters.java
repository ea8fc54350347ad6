package dev.retort.cli.output;

import java.util.List;

/**
 * Makes text from migration files and the database safe to print on a terminal. A revision's
 * message, a history row someone else wrote, or a statement in an error can hold escape
 * sequences that retitle the window, move the cursor, rewrite the clipboard or hide text; every
 * control character (C0 but line feed and tab, DEL, C1) and every bidirectional override is shown
 * as a visible escape instead, such as {@code \x1b}. Only the styles Retort itself adds pass.
 */
final class ControlCharacters {

    private ControlCharacters() {
    }

    /**
     * @param text        text to print
     * @param ownStyles   the exact escape sequences Retort's styles emit, left as they are
     * @return the text with every other control character made visible
     */
    static String escape(String text, List<String> ownStyles) {
        StringBuilder safe = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            String own = c == '\u001b' ? ownStyleAt(text, i, ownStyles) : null;
            if (own != null) {
                if (safe != null) {
                    safe.append(own);
                }
                i += own.length() - 1;
            } else if (isUnsafe(c)) {
                if (safe == null) {
                    safe = new StringBuilder(text.length() + 8).append(text, 0, i);
                }
                safe.append(c < 0x100 ? String.format("\\x%02x", (int) c) : String.format("\\u%04x", (int) c));
            } else if (safe != null) {
                safe.append(c);
            }
        }
        return safe == null ? text : safe.toString();
    }

    /** @return the escape sequence of Retort's own at {@code index}, or {@code null} */
    private static String ownStyleAt(String text, int index, List<String> ownStyles) {
        for (String style : ownStyles) {
            if (text.startsWith(style, index)) {
                return style;
            }
        }
        return null;
    }

    private static boolean isUnsafe(char c) {
        return (c < 0x20 && c != '\n' && c != '\t') || (c >= 0x7f && c <= 0x9f)
                || (c >= '\u202a' && c <= '\u202e') || (c >= '\u2066' && c <= '\u2069');
    }
}
