package dev.retort.internal.sql;

import dev.retort.internal.sql.LeadingTokens.Token;
import dev.retort.internal.sql.SqlLexer.TokenKind;
import dev.retort.internal.sql.StatementClassifier.Classification;
import dev.retort.internal.sql.StatementClassifier.Kind;
import org.jspecify.annotations.Nullable;

/**
 * Recognises statements PostgreSQL refuses to run inside a transaction block ("... cannot run
 * inside a transaction block"). Where a statement is only sometimes refused (for example
 * {@code CREATE SUBSCRIPTION} with {@code create_slot = false}), it is classified as
 * non-transactional anyway: running it outside a transaction always works, running it inside
 * one may not.
 */
final class NonTransactional {

    /** How far to look for {@code DETACH PARTITION}: past {@code ALTER TABLE IF EXISTS ONLY s.t}. */
    private static final int DETACH_WINDOW = 12;

    private NonTransactional() {
    }

    /** @return the classification, or {@code null} when the statement may run in a transaction */
    static @Nullable Classification classify(LeadingTokens tokens) {
        String description = switch (tokens.get(0).word()) {
            case "CREATE" -> create(tokens);
            case "DROP" -> drop(tokens);
            case "ALTER" -> alter(tokens);
            case "REINDEX" -> reindex(tokens);
            case "VACUUM" -> "VACUUM";
            case "CLUSTER" -> cluster(tokens);
            case "DISCARD" -> tokens.is(1, "ALL") ? "DISCARD ALL" : null;
            default -> null;
        };
        return description == null ? null : new Classification(Kind.NON_TRANSACTIONAL, description);
    }

    private static @Nullable String create(LeadingTokens tokens) {
        int index = tokens.is(1, "UNIQUE") ? 2 : 1;
        if (tokens.is(index, "INDEX") && tokens.is(index + 1, "CONCURRENTLY")) {
            return "CREATE INDEX CONCURRENTLY";
        }
        return tokens.isAny(1, "DATABASE", "TABLESPACE", "SUBSCRIPTION") ? "CREATE " + tokens.get(1).word() : null;
    }

    private static @Nullable String drop(LeadingTokens tokens) {
        if (tokens.is(1, "INDEX") && tokens.is(2, "CONCURRENTLY")) {
            return "DROP INDEX CONCURRENTLY";
        }
        return tokens.isAny(1, "DATABASE", "TABLESPACE", "SUBSCRIPTION") ? "DROP " + tokens.get(1).word() : null;
    }

    private static @Nullable String alter(LeadingTokens tokens) {
        if (tokens.is(1, "SYSTEM")) {
            return "ALTER SYSTEM";
        }
        boolean named = isName(tokens.get(2));
        if (tokens.is(1, "DATABASE") && named && tokens.is(3, "SET") && tokens.is(4, "TABLESPACE")) {
            return "ALTER DATABASE SET TABLESPACE";
        }
        if (tokens.is(1, "SUBSCRIPTION") && named && tokens.is(3, "REFRESH") && tokens.is(4, "PUBLICATION")) {
            return "ALTER SUBSCRIPTION REFRESH PUBLICATION";
        }
        if (tokens.is(1, "TABLE") && detachesConcurrently(tokens)) {
            return "ALTER TABLE DETACH PARTITION CONCURRENTLY";
        }
        return null;
    }

    /** {@code ALTER TABLE t DETACH PARTITION p CONCURRENTLY}: the keyword ends the statement. */
    private static boolean detachesConcurrently(LeadingTokens tokens) {
        for (int i = 2; i < DETACH_WINDOW; i++) {
            if (tokens.is(i, "DETACH") && tokens.is(i + 1, "PARTITION")) {
                for (int j = i + 2; j < i + 2 + DETACH_WINDOW; j++) {
                    if (tokens.is(j, "CONCURRENTLY")) {
                        return tokens.get(j + 1).kind() == TokenKind.END_OF_INPUT;
                    }
                }
                return false;
            }
        }
        return false;
    }

    /**
     * {@code REINDEX [(options)] {INDEX|TABLE|SCHEMA|DATABASE|SYSTEM} [CONCURRENTLY] name}. The
     * database-wide targets commit per table and are refused in a transaction even without
     * {@code CONCURRENTLY}; since PostgreSQL 14 {@code CONCURRENTLY} may also be an option.
     */
    private static @Nullable String reindex(LeadingTokens tokens) {
        int target = tokens.skipParentheses(1);
        boolean concurrently = tokens.is(target + 1, "CONCURRENTLY") || concurrentlyOption(tokens, target);
        String suffix = concurrently ? " CONCURRENTLY" : "";
        if (tokens.isAny(target, "SCHEMA", "DATABASE", "SYSTEM")) {
            return "REINDEX " + tokens.get(target).word() + suffix;
        }
        if (tokens.isAny(target, "INDEX", "TABLE") && concurrently) {
            return "REINDEX " + tokens.get(target).word() + suffix;
        }
        return null;
    }

    /** Looks for {@code CONCURRENTLY [true|on|1]} in the option list that ends before {@code end}. */
    private static boolean concurrentlyOption(LeadingTokens tokens, int end) {
        for (int i = 2; i < end; i++) {
            if (tokens.is(i, "CONCURRENTLY")) {
                Token value = tokens.get(i + 1);
                boolean disabled = value.is("FALSE") || value.is("OFF") || value.text().equals("0");
                return !disabled;
            }
        }
        return false;
    }

    /** {@code CLUSTER}, {@code CLUSTER VERBOSE} or {@code CLUSTER (VERBOSE)} with no table re-clusters everything. */
    private static @Nullable String cluster(LeadingTokens tokens) {
        int index = tokens.skipParentheses(1);
        if (tokens.is(index, "VERBOSE")) {
            index++;
        }
        return tokens.get(index).kind() == TokenKind.END_OF_INPUT ? "CLUSTER without a table" : null;
    }

    private static boolean isName(Token token) {
        return token.kind() == TokenKind.WORD || token.kind() == TokenKind.QUOTED_IDENTIFIER;
    }
}
