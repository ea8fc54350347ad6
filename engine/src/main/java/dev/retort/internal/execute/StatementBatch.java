package dev.retort.internal.execute;

import dev.retort.internal.sql.DriverSafeSql;
import dev.retort.internal.sql.SqlStatement;
import reactor.core.publisher.Flux;

import java.util.List;

/**
 * Consecutive statements sent as one query string, so that they cost one round trip instead of
 * one each. PostgreSQL runs the statements of one simple query in order, each parsed and planned
 * just before it runs; it returns one result per statement and stops at the first error, which it
 * positions in the whole string. Statements are joined by {@code "\n;"} so that a statement ending
 * in a {@code --} comment does not swallow the separator.
 *
 * <p>A batch holds a migration's own statements and, around them, the statements Retort adds to
 * run a revision in one round trip ({@code BEGIN}, the bookkeeping, the lock check, {@code COMMIT}).
 */
final class StatementBatch {

    /** A batch is sent once it holds this many characters (its last statement may take it beyond). */
    static final int MAX_CHARS = 256 * 1024;

    private static final String SEPARATOR = "\n;";

    /** One statement of a batch. */
    sealed interface Part {

        /** @return the text sent to the server */
        String sql();
    }

    /**
     * A statement of the migration file.
     *
     * @param statement the statement and its file line
     * @param sql       its text as sent: rewritten once for the driver, keeping every length, so
     *                  offsets into it stay offsets into the file's text
     */
    record Migration(SqlStatement statement, String sql) implements Part {

        Migration(SqlStatement statement) {
            this(statement, DriverSafeSql.of(statement.sql()));
        }
    }

    /**
     * A statement Retort adds.
     *
     * @param sql    its text
     * @param role   what it is for, for messages
     * @param advice what to do when it fails, as a sentence, or empty
     */
    record Added(String sql, String role, String advice) implements Part {

        Added(String sql, String role) {
            this(sql, role, "");
        }
    }

    private final List<Part> parts;
    private final int[] offsets;
    private final String sql;

    private StatementBatch(List<? extends Part> parts) {
        this.parts = List.copyOf(parts);
        this.offsets = new int[parts.size()];
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < parts.size(); i++) {
            if (i > 0) {
                text.append(SEPARATOR);
            }
            offsets[i] = text.length();
            text.append(parts.get(i).sql());
        }
        this.sql = text.toString();
    }

    /**
     * Groups statements into batches of about {@link #MAX_CHARS} characters, as they arrive, so
     * that a streamed data load holds only a batch or two in memory.
     *
     * @param parts the statements, in order
     * @return the batches, in order
     */
    static Flux<StatementBatch> of(Flux<Part> parts) {
        return Flux.defer(() -> {
            int[] size = {0};
            return parts
                    .bufferUntil(part -> {
                        size[0] += part.sql().length() + SEPARATOR.length();
                        boolean full = size[0] >= MAX_CHARS;
                        if (full) {
                            size[0] = 0;
                        }
                        return full;
                    })
                    .map(StatementBatch::new);
        });
    }

    /**
     * @param parts statements to send together
     * @return them as one batch
     */
    static StatementBatch of(List<? extends Part> parts) {
        return new StatementBatch(List.copyOf(parts));
    }

    /** @return the query string sent to the server */
    String sql() {
        return sql;
    }

    /** @return the statements, in order */
    List<Part> parts() {
        return parts;
    }

    /**
     * @param position a 0-based offset into {@link #sql()}
     * @return the index of the part that holds it (a separator counts to the part before)
     */
    int partAt(int position) {
        int index = 0;
        while (index + 1 < offsets.length && offsets[index + 1] <= position) {
            index++;
        }
        return index;
    }

    /**
     * @param position a 0-based offset into {@link #sql()} within a {@link Migration} part
     * @return the file line of that character
     */
    int lineAt(int position) {
        int index = partAt(position);
        SqlStatement statement = ((Migration) parts.get(index)).statement();
        return statement.lineOf(Math.min(Math.max(position - offsets[index], 0), statement.sql().length()));
    }
}
