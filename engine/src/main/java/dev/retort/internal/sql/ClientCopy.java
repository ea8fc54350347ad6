package dev.retort.internal.sql;

import dev.retort.internal.sql.StatementClassifier.Classification;
import dev.retort.internal.sql.StatementClassifier.Kind;
import org.jspecify.annotations.Nullable;

/**
 * Recognises {@code COPY ... FROM STDIN} and {@code COPY ... TO STDOUT}: both exchange data with
 * the client in a sub-protocol of their own, which a migration run does not speak. Sent anyway,
 * {@code FROM STDIN} would wait forever for data while holding the migration lock.
 */
final class ClientCopy {

    private ClientCopy() {
    }

    /** @return the classification, or {@code null} when the statement is not a client-side copy */
    static @Nullable Classification classify(LeadingTokens tokens) {
        if (!tokens.is(0, "COPY")) {
            return null;
        }
        int index = afterSource(tokens);
        if (tokens.is(index, "FROM") && tokens.is(index + 1, "STDIN")) {
            return new Classification(Kind.CLIENT_DATA, "COPY ... FROM STDIN");
        }
        if (tokens.is(index, "TO") && tokens.is(index + 1, "STDOUT")) {
            return new Classification(Kind.CLIENT_DATA, "COPY ... TO STDOUT");
        }
        return null;
    }

    /**
     * @return the index of {@code FROM} or {@code TO}: after {@code (query)}, or after a possibly
     *     qualified table name and its column list
     */
    private static int afterSource(LeadingTokens tokens) {
        if (tokens.isSymbol(1, "(")) {
            return tokens.skipParentheses(1);
        }
        int index = 1;
        while (!tokens.isAny(index, "FROM", "TO") && !tokens.isSymbol(index, "(")
                && tokens.get(index).kind() != SqlLexer.TokenKind.END_OF_INPUT) {
            index++;
        }
        return tokens.skipParentheses(index);
    }
}
