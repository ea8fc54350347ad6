package dev.retort.internal.sql;

import java.util.Objects;

/**
 * Tells, from a statement's leading keywords, whether it can run inside the transaction that
 * wraps a migration.
 *
 * <p>Keywords are matched case-insensitively, after skipping comments; a quoted identifier is never
 * a keyword. Only the statement's first tokens are examined, so a large {@code INSERT} costs
 * nothing to classify.
 */
public final class StatementClassifier {

    /** How a statement relates to the transaction a migration normally runs in. */
    public enum Kind {
        /** Runs inside a transaction block like any other statement. */
        ORDINARY,
        /**
         * PostgreSQL refuses to run it inside a transaction block ({@code CREATE INDEX
         * CONCURRENTLY}, {@code VACUUM}, ...); the migration must run outside one.
         */
        NON_TRANSACTIONAL,
        /**
         * Starts, ends or subdivides a transaction ({@code BEGIN}, {@code COMMIT},
         * {@code SAVEPOINT}, ...), which would fight with the engine's own transaction handling.
         */
        TRANSACTION_CONTROL,
        /**
         * Exchanges data with the client ({@code COPY ... FROM STDIN}, {@code COPY ... TO STDOUT}),
         * which a migration run cannot do.
         */
        CLIENT_DATA
    }

    /**
     * The verdict on one statement.
     *
     * @param kind        how the statement relates to transactions
     * @param description a short human name of the construct, such as
     *                    {@code "CREATE INDEX CONCURRENTLY"}, for messages
     */
    public record Classification(Kind kind, String description) {

        /** @throws NullPointerException if an argument is null */
        public Classification {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(description, "description");
        }
    }

    private StatementClassifier() {
    }

    /**
     * Classifies one statement, typically a {@link SqlStatement#sql()}.
     *
     * @param sql the statement text; leading whitespace and comments are allowed
     * @return its kind and a short description; never null
     */
    public static Classification classify(String sql) {
        LeadingTokens tokens = new LeadingTokens(sql);
        Classification control = TransactionControl.classify(tokens);
        if (control != null) {
            return control;
        }
        Classification copy = ClientCopy.classify(tokens);
        if (copy != null) {
            return copy;
        }
        Classification nonTransactional = NonTransactional.classify(tokens);
        if (nonTransactional != null) {
            return nonTransactional;
        }
        return new Classification(Kind.ORDINARY, ordinaryDescription(tokens));
    }

    /** Names an ordinary statement by its verb, and its object type for DDL: "CREATE TABLE". */
    private static String ordinaryDescription(LeadingTokens tokens) {
        LeadingTokens.Token first = tokens.get(0);
        if (first.kind() != SqlLexer.TokenKind.WORD) {
            return "SQL statement";
        }
        if (!tokens.isAny(0, "CREATE", "ALTER", "DROP")) {
            return first.word();
        }
        int object = tokens.is(1, "OR") && tokens.is(2, "REPLACE") ? 3 : 1;
        String objectWord = tokens.get(object).word();
        return objectWord.isEmpty() ? first.word() : first.word() + " " + objectWord;
    }
}
