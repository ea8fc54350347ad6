package dev.retort.internal.sql;

import dev.retort.internal.sql.SqlLexer.TokenKind;
import dev.retort.internal.sql.StatementClassifier.Classification;
import dev.retort.internal.sql.StatementClassifier.Kind;
import org.jspecify.annotations.Nullable;

/**
 * Recognises statements that start, end or subdivide a transaction. Only the first keyword is
 * decisive, with two look-aheads where PostgreSQL reuses a keyword: {@code BEGIN ATOMIC} (a
 * routine body, never a statement of its own) and {@code PREPARE name AS ...} (an ordinary
 * prepared statement, unlike {@code PREPARE TRANSACTION 'id'}).
 */
final class TransactionControl {

    private TransactionControl() {
    }

    /** @return the classification, or {@code null} when the statement is not transaction control */
    static @Nullable Classification classify(LeadingTokens tokens) {
        String description = describe(tokens);
        return description == null ? null : new Classification(Kind.TRANSACTION_CONTROL, description);
    }

    private static String describe(LeadingTokens tokens) {
        return switch (tokens.get(0).word()) {
            case "BEGIN" -> tokens.is(1, "ATOMIC") ? null : "BEGIN";
            case "START" -> tokens.is(1, "TRANSACTION") ? "START TRANSACTION" : null;
            case "COMMIT" -> tokens.is(1, "PREPARED") ? "COMMIT PREPARED" : "COMMIT";
            case "END" -> "END";
            case "ROLLBACK" -> describeRollback(tokens);
            case "ABORT" -> "ABORT";
            case "SAVEPOINT" -> "SAVEPOINT";
            case "RELEASE" -> "RELEASE SAVEPOINT";
            case "PREPARE" -> tokens.is(1, "TRANSACTION") && tokens.get(2).kind() == TokenKind.STRING
                    ? "PREPARE TRANSACTION"
                    : null;
            default -> null;
        };
    }

    private static String describeRollback(LeadingTokens tokens) {
        if (tokens.is(1, "PREPARED")) {
            return "ROLLBACK PREPARED";
        }
        int next = tokens.isAny(1, "WORK", "TRANSACTION") ? 2 : 1;
        return tokens.is(next, "TO") ? "ROLLBACK TO SAVEPOINT" : "ROLLBACK";
    }
}
