package dev.retort.internal.sql;

import dev.retort.internal.sql.SqlLexer.TokenKind;
import java.util.ArrayList;
import java.util.List;

/**
 * The significant tokens of one statement (whitespace and comments skipped), lexed on demand so
 * that classifying a multi-megabyte {@code INSERT} looks only at its first few words.
 */
public final class LeadingTokens {

    /** One significant token. {@code word} is upper-cased for words and empty otherwise. */
    record Token(TokenKind kind, String word, String text) {

        boolean is(String keyword) {
            return kind == TokenKind.WORD && word.equals(keyword);
        }
    }

    private static final Token END = new Token(TokenKind.END_OF_INPUT, "", "");
    /** Punctuation and keywords are short; longer token text is never compared. */
    private static final int MAX_TEXT = 64;

    private final SqlLexer lexer;
    private final List<Token> tokens = new ArrayList<>();
    private final StringBuilder scratch = new StringBuilder();
    private boolean exhausted;

    /** @param sql one statement's text */
    public LeadingTokens(String sql) {
        this.lexer = new SqlLexer(SourceCursor.of(sql, 1));
    }

    /** @return the significant token at {@code index}, or an end-of-input token past the end */
    Token get(int index) {
        while (tokens.size() <= index && !exhausted) {
            readOne();
        }
        return index < tokens.size() ? tokens.get(index) : END;
    }

    /** @return whether the token at {@code index} is the given (upper-case) keyword */
    public boolean is(int index, String keyword) {
        return get(index).is(keyword);
    }

    /** @return whether the token at {@code index} is one of the given (upper-case) keywords */
    public boolean isAny(int index, String... keywords) {
        for (String keyword : keywords) {
            if (is(index, keyword)) {
                return true;
            }
        }
        return false;
    }

    /** @return whether the token at {@code index} is the punctuation {@code symbol} */
    public boolean isSymbol(int index, String symbol) {
        Token token = get(index);
        return token.kind() == TokenKind.OTHER && token.text().equals(symbol);
    }

    /**
     * @return the index just after the parenthesised list that starts at {@code index}, or
     *     {@code index} itself when no {@code (} is there
     */
    public int skipParentheses(int index) {
        if (!isSymbol(index, "(")) {
            return index;
        }
        int depth = 0;
        int i = index;
        do {
            if (isSymbol(i, "(")) {
                depth++;
            } else if (isSymbol(i, ")")) {
                depth--;
            } else if (get(i) == END) {
                return i;
            }
            i++;
        } while (depth > 0);
        return i;
    }

    /** @return whether there is no token at {@code index}: the statement ended before it */
    public boolean isEnd(int index) {
        return get(index) == END;
    }

    /** @return whether the token at {@code index} is an identifier, quoted or not (or a keyword) */
    public boolean isName(int index) {
        TokenKind kind = get(index).kind();
        return kind == TokenKind.WORD || kind == TokenKind.QUOTED_IDENTIFIER;
    }

    /**
     * @return the name at {@code index} as PostgreSQL folds it: an unquoted word in lower case, a
     *     quoted identifier without its quotes; empty for anything else or a very long token
     */
    public String name(int index) {
        Token token = get(index);
        return switch (token.kind()) {
            case WORD -> token.text().toLowerCase(java.util.Locale.ROOT);
            case QUOTED_IDENTIFIER -> token.text().length() >= 2
                    ? token.text().substring(1, token.text().length() - 1).replace("\"\"", "\"") : "";
            default -> "";
        };
    }

    /** @return the token's text as written (empty past the end, or for a very long token) */
    public String text(int index) {
        return get(index).text();
    }

    private void readOne() {
        while (true) {
            scratch.setLength(0);
            TokenKind kind = lexer.next(scratch);
            switch (kind) {
                case WHITESPACE, COMMENT -> {
                    continue;
                }
                case END_OF_INPUT, SEMICOLON -> exhausted = true;
                default -> {
                    String text = scratch.length() <= MAX_TEXT ? scratch.toString() : "";
                    tokens.add(new Token(kind, kind == TokenKind.WORD ? lexer.word() : "", text));
                }
            }
            return;
        }
    }
}
