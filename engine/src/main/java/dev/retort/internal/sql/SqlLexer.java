package dev.retort.internal.sql;

import java.util.Locale;

/**
 * Cuts PostgreSQL source text into tokens, just finely enough to know where statements end and
 * which words are keywords. Follows PostgreSQL's own scanner (with
 * {@code standard_conforming_strings = on}) for everything that can hide a semicolon: quoted
 * strings, escape strings (also where one continues on a later line, see
 * {@link EscapeStringContinuation}), quoted identifiers, dollar quotes, nested block comments,
 * line comments, and the numbers that decide whether a {@code --} or {@code $$} after them counts.
 *
 * <p>The lexer does not keep token text itself: {@link #next(StringBuilder)} appends it to the
 * caller's buffer, so a 100 MB string literal is held once, in the statement being built, and
 * never copied. Only words are remembered (upper-cased and capped), because keywords are short.
 *
 * <p>A token cut off by the end of input is still returned; {@link #unterminated()} then says
 * what was left open so the caller can report it with the line from {@link #tokenLine()}.
 */
final class SqlLexer {

    /** What a token is, as far as splitting and classifying care. */
    enum TokenKind {
        /** An unquoted identifier or keyword; see {@link SqlLexer#word()}. */
        WORD,
        /** A {@code "quoted identifier"}: never a keyword, whatever it spells. */
        QUOTED_IDENTIFIER,
        /** Any string constant: plain, {@code E'...'}, {@code U&'...'}, {@code B'...'}, dollar-quoted. */
        STRING,
        /** A {@code --} line comment or a {@code /* *}{@code /} block comment. */
        COMMENT,
        /** A run of spaces, tabs, line breaks and form feeds. */
        WHITESPACE,
        /** The statement terminator. */
        SEMICOLON,
        /** Numbers, parameters, operators, punctuation: anything else, one token at a time. */
        OTHER,
        /** No more input; nothing was appended. */
        END_OF_INPUT
    }

    /** Longer words cannot be keywords, so there is no point remembering them in full. */
    private static final int MAX_WORD = 32;

    private final SourceCursor in;
    private final StringBuilder word = new StringBuilder(MAX_WORD);
    private final StringBuilder dollarTag = new StringBuilder();
    private final EscapeStringContinuation continuation = new EscapeStringContinuation();
    /** The token being read is an escape string, so a string continuing it is one too. */
    private boolean escapeString;
    private int tokenLine;
    private String unterminated;

    /** @param in the characters to tokenize */
    SqlLexer(SourceCursor in) {
        this.in = in;
    }

    /** @return the line on which the most recent token started */
    int tokenLine() {
        return tokenLine;
    }

    /**
     * @return the upper-cased text of the most recent token if it was a {@link TokenKind#WORD}
     *     of at most 32 characters, otherwise an empty string
     */
    String word() {
        return word.length() > MAX_WORD ? "" : word.toString().toUpperCase(Locale.ROOT);
    }

    /** @return whether the most recent token was an escape string ({@code E'...'} or its continuation) */
    boolean wasEscapeString() {
        return escapeString;
    }

    /**
     * @return for a token cut off by the end of input, the reason to report ("unterminated ...
     *     that starts here; close it with ..."); {@code null} when the last token was complete
     */
    String unterminated() {
        return unterminated;
    }

    /**
     * Reads one token and appends its exact text to {@code out}.
     *
     * @param out receives the token's characters, line endings already normalised
     * @return the token's kind; {@link TokenKind#END_OF_INPUT} when nothing is left
     */
    TokenKind next(StringBuilder out) {
        word.setLength(0);
        unterminated = null;
        escapeString = false;
        tokenLine = in.line();
        int start = out.length();
        TokenKind kind = token(out);
        continuation.accept(kind, out, start, escapeString);
        return kind;
    }

    private TokenKind token(StringBuilder out) {
        int c = in.peek();
        if (c == -1) {
            return TokenKind.END_OF_INPUT;
        }
        if (isWhitespace(c)) {
            while (isWhitespace(in.peek())) {
                take(out);
            }
            return TokenKind.WHITESPACE;
        }
        if (isWordStart(c)) {
            return wordOrEscapeString(out);
        }
        return switch (c) {
            case '\'' -> continuation.quoteContinues() ? escapeString(out) : quoted(out, '\'', false, "quoted string", "'");
            case '"' -> quoted(out, '"', false, "quoted identifier", "\"");
            case '$' -> dollar(out);
            case '-' -> dashOrComment(out);
            case '/' -> slashOrComment(out);
            case ';' -> single(out, TokenKind.SEMICOLON);
            default -> isDigit(c) ? number(out) : single(out, TokenKind.OTHER);
        };
    }

    private TokenKind wordOrEscapeString(StringBuilder out) {
        while (isWordPart(in.peek())) {
            int c = take(out);
            if (word.length() <= MAX_WORD) {
                word.append((char) c);
            }
        }
        // E'...' is an escape string only when the E is a whole token of its own: in namE'x'
        // the E ends an identifier and the quote opens an ordinary string.
        boolean escapePrefix = word.length() == 1 && (word.charAt(0) == 'E' || word.charAt(0) == 'e');
        if (escapePrefix && in.peek() == '\'') {
            word.setLength(0);
            return escapeString(out);
        }
        return TokenKind.WORD;
    }

    private TokenKind escapeString(StringBuilder out) {
        escapeString = true;
        return quoted(out, '\'', true, "escape string", "' (inside E'...' a backslash escapes the next"
                + " character, so \\' does not close it)");
    }

    /**
     * Reads a string or identifier quoted with {@code quote}, in which a doubled quote stands for
     * itself and, for escape strings, a backslash protects the character after it.
     */
    private TokenKind quoted(StringBuilder out, char quote, boolean backslashEscapes, String kind, String closer) {
        take(out);
        while (true) {
            int c = in.peek();
            if (c == -1) {
                unterminated = "unterminated " + kind + " that starts here; close it with " + closer;
                break;
            }
            take(out);
            if (c == '\\' && backslashEscapes && in.peek() != -1) {
                take(out);
            } else if (c == quote) {
                if (in.peek() != quote) {
                    break;
                }
                take(out);
            }
        }
        return quote == '"' ? TokenKind.QUOTED_IDENTIFIER : TokenKind.STRING;
    }

    /**
     * A {@code $} opens a dollar quote only when followed by an optional tag and another
     * {@code $}; {@code $1} is a parameter. A {@code $} inside a word ({@code foo$bar}) never
     * gets here, because {@link #isWordPart} already swallowed it.
     */
    private TokenKind dollar(StringBuilder out) {
        take(out);
        dollarTag.setLength(0);
        if (isTagStart(in.peek())) {
            while (isTagPart(in.peek())) {
                dollarTag.append((char) take(out));
            }
        } else if (isDigit(in.peek())) {
            return parameter(out);
        }
        if (in.peek() != '$') {
            return TokenKind.OTHER;
        }
        take(out);
        return dollarQuotedBody(out);
    }

    private TokenKind dollarQuotedBody(StringBuilder out) {
        while (true) {
            int c = in.peek();
            if (c == -1) {
                String delimiter = "$" + dollarTag + "$";
                unterminated = "unterminated dollar-quoted string that starts here; close it with " + delimiter;
                return TokenKind.STRING;
            }
            take(out);
            if (c == '$' && closesDollarQuote(out)) {
                return TokenKind.STRING;
            }
        }
    }

    /**
     * Matches the rest of the closing delimiter after a {@code $}. Gives up without consuming the
     * first mismatching character, which may itself be the {@code $} that starts the real
     * delimiter; a tag never contains {@code $}, so no further backtracking is needed.
     */
    private boolean closesDollarQuote(StringBuilder out) {
        for (int i = 0; i < dollarTag.length(); i++) {
            if (in.peek() != dollarTag.charAt(i)) {
                return false;
            }
            take(out);
        }
        if (in.peek() != '$') {
            return false;
        }
        take(out);
        return true;
    }

    private TokenKind dashOrComment(StringBuilder out) {
        take(out);
        if (in.peek() != '-') {
            return TokenKind.OTHER;
        }
        // The line break is left for the whitespace token, so the comment ends on its own line.
        while (in.peek() != -1 && in.peek() != '\n') {
            take(out);
        }
        return TokenKind.COMMENT;
    }

    private TokenKind slashOrComment(StringBuilder out) {
        take(out);
        if (in.peek() != '*') {
            return TokenKind.OTHER;
        }
        take(out);
        int depth = 1; // PostgreSQL block comments nest, unlike C's
        while (depth > 0) {
            int c = in.peek();
            if (c == -1) {
                unterminated = "unterminated block comment that starts here; close it with */"
                        + " (block comments nest, so every /* needs its own */)";
                break;
            }
            take(out);
            if (c == '/' && in.peek() == '*') {
                take(out);
                depth++;
            } else if (c == '*' && in.peek() == '/') {
                take(out);
                depth--;
            }
        }
        return TokenKind.COMMENT;
    }

    /**
     * A numeric literal, as PostgreSQL 15's scanner delimits it. Where it ends matters: the
     * scanner reads {@code 1e-} as one (rejected) token even with no digits after the sign, so in
     * {@code 1e--x} no comment starts; and it reads identifier characters right after a number as
     * "trailing junk" belonging to the number, {@code $} included, so {@code 1ab$$} opens no
     * dollar quote. A plain {@code $} after the digits does open one: {@code 1$$x$$}.
     */
    private TokenKind number(StringBuilder out) {
        digits(out);
        if (in.peek() == '.') {
            take(out);
            digits(out);
        }
        if (in.peek() == 'e' || in.peek() == 'E') {
            take(out);
            boolean signed = in.peek() == '+' || in.peek() == '-';
            if (signed) {
                take(out);
            }
            if (!isDigit(in.peek())) {
                if (!signed) {
                    identifierRest(out); // the e itself starts the trailing junk
                }
                return TokenKind.OTHER;
            }
            digits(out);
        }
        trailingJunk(out);
        return TokenKind.OTHER;
    }

    /** A positional parameter such as {@code $1}, which also takes trailing junk: {@code $1a$$} is one token. */
    private TokenKind parameter(StringBuilder out) {
        digits(out);
        trailingJunk(out);
        return TokenKind.OTHER;
    }

    private void digits(StringBuilder out) {
        while (isDigit(in.peek())) {
            take(out);
        }
    }

    /** An identifier glued to a number: an error for the server, but one token all the same. */
    private void trailingJunk(StringBuilder out) {
        if (isWordStart(in.peek())) {
            identifierRest(out);
        }
    }

    private void identifierRest(StringBuilder out) {
        while (isWordPart(in.peek())) {
            take(out);
        }
    }

    private TokenKind single(StringBuilder out, TokenKind kind) {
        take(out);
        return kind;
    }

    private int take(StringBuilder out) {
        int c = in.next();
        out.append((char) c);
        return c;
    }

    static boolean isWhitespace(int c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == 0x0B;
    }

    private static boolean isDigit(int c) {
        return c >= '0' && c <= '9';
    }

    /** PostgreSQL's ident_start: ASCII letters, underscore and every non-ASCII character. */
    private static boolean isWordStart(int c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c >= 0x80;
    }

    /** PostgreSQL's ident_cont: ident_start plus digits and {@code $}. */
    private static boolean isWordPart(int c) {
        return isWordStart(c) || isDigit(c) || c == '$';
    }

    private static boolean isTagStart(int c) {
        return isWordStart(c);
    }

    /** Like {@link #isWordPart} but without {@code $}, which ends the tag. */
    private static boolean isTagPart(int c) {
        return isWordStart(c) || isDigit(c);
    }
}
