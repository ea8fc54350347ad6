package dev.retort.internal.sql;

import java.util.ArrayList;
import java.util.List;

/**
 * A statement as one splitter cut it, in the form both splitters can be compared in: the text
 * from its first significant character to just before its semicolon, without trailing
 * whitespace, and the file line it starts on.
 *
 * <p>psql keeps a few things that {@link StatementSplitter} deliberately drops, and these are
 * removed from its statements before comparing: the terminating semicolon, which psql sends
 * along; leading block comments (psql drops only leading whitespace and {@code --} comments);
 * and statements that are nothing but a comment, which psql sends to the server as an empty
 * query. psql also drops empty lines that are not inside a quote or comment, so both sides are
 * compared with every empty line removed ({@link WithoutEmptyLines}); that can hide only a
 * difference in empty lines inside a string, never a different cut.
 *
 * @param line the 1-based file line of the first character of {@code text}; 0 when the text
 *             does not occur in the file as sent (psql variable interpolation would do that)
 * @param text the statement
 */
record StatementView(int line, String text) {

    @Override
    public String toString() {
        return "line " + line + ": " + text;
    }

    /** @return our splitter's statements, as they are */
    static List<StatementView> ofOurs(List<SqlStatement> statements) {
        return statements.stream()
                .map(statement -> new StatementView(statement.line(), WithoutEmptyLines.of(statement.sql())))
                .toList();
    }

    /**
     * @param sent   the statements psql sent, exactly as sent
     * @param script the script psql read, to find each statement's line in
     * @return psql's statements in comparable form, comment-only ones left out
     */
    static List<StatementView> ofPsql(List<String> sent, String script) {
        WithoutEmptyLines file = new WithoutEmptyLines(script);
        List<StatementView> views = new ArrayList<>();
        int searchFrom = 0;
        for (String query : sent) {
            String text = WithoutEmptyLines.of(comparable(query));
            if (text.isEmpty()) {
                continue;
            }
            int offset = file.locate(text, searchFrom);
            views.add(new StatementView(offset < 0 ? 0 : file.lineAt(offset), text));
            searchFrom = offset < 0 ? searchFrom : offset + text.length();
        }
        return views;
    }

    /**
     * @param query a query psql sent, which ends with its terminating semicolon (see {@link PsqlReference})
     * @return the query without its semicolon, trailing whitespace and leading comments
     */
    static String comparable(String query) {
        String text = query.endsWith(";") ? query.substring(0, query.length() - 1) : query;
        int start = LeadingComments.end(text);
        int end = text.length();
        while (end > start && SqlLexer.isWhitespace(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(start, end);
    }
}
