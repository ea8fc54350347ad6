package dev.retort.internal.execute;

import dev.retort.HistoryEntry;
import dev.retort.Operation;
import dev.retort.error.ErrorCode;
import dev.retort.error.RetortException;
import dev.retort.internal.history.HistorySql;
import io.r2dbc.spi.Connection;
import io.r2dbc.spi.Readable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.OffsetDateTime;
import java.util.stream.Collectors;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** Reads the version and history tables, without creating them when they are missing. */
public final class StateReader {

    private final HistorySql sql;

    /** @param sql the table SQL */
    public StateReader(HistorySql sql) {
        this.sql = sql;
    }

    /**
     * @param connection the connection
     * @return the state; {@link DatabaseState#EMPTY} when the tables do not exist
     */
    public Mono<DatabaseState> read(Connection connection) {
        return tablesExist(connection).flatMap(exist -> exist
                ? heads(connection).zipWhen(heads -> latestFailure(connection),
                        (heads, failure) -> new DatabaseState(true, heads, failure))
                : Mono.just(DatabaseState.EMPTY))
                .onErrorMap(ErrorTranslation::isStatementFailure, this::cannotRead);
    }

    private RetortException cannotRead(Throwable error) {
        return new RetortException(ErrorCode.MIGRATION_FAILED, "Cannot read Retort's tables "
                + sql.names().versionTable() + " and " + sql.names().historyTable() + ": "
                + ErrorTranslation.describe(error) + ". Grant the role USAGE on the schema (and CREATE, for the first"
                + " run), or configure a schema it may use.", error);
    }

    private Mono<Boolean> tablesExist(Connection connection) {
        return Connections.query(connection, sql.tablesExist(),
                row -> Boolean.TRUE.equals(row.get(0, Boolean.class)) && Boolean.TRUE.equals(row.get(1, Boolean.class)))
                .single();
    }

    private Mono<Set<String>> heads(Connection connection) {
        return Connections.query(connection, sql.selectHeads(), row -> row.get(0, String.class))
                .collect(Collectors.toSet());
    }

    private Mono<Optional<DatabaseState.DirtyMark>> latestFailure(Connection connection) {
        return Connections.query(connection, sql.selectLatest(), StateReader::failure)
                .next()
                .defaultIfEmpty(Optional.empty());
    }

    private static Optional<DatabaseState.DirtyMark> failure(Readable row) {
        if (Boolean.TRUE.equals(row.get("success", Boolean.class))) {
            return Optional.empty();
        }
        return Optional.of(new DatabaseState.DirtyMark(row.get("revision", String.class),
                row.get("operation", String.class)));
    }

    /**
     * @param connection the connection
     * @return every history row, oldest first; nothing when the tables do not exist
     */
    public Flux<HistoryEntry> history(Connection connection) {
        return tablesExist(connection).flatMapMany(exist -> exist
                        ? Connections.query(connection, sql.selectHistory(), StateReader::entry)
                        : Flux.<HistoryEntry>empty())
                .onErrorMap(ErrorTranslation::isStatementFailure, this::cannotRead);
    }

    private static HistoryEntry entry(Readable row) {
        return new HistoryEntry(
                row.get("id", Long.class),
                row.get("revision", String.class),
                Operation.valueOf(row.get("operation", String.class).toUpperCase(Locale.ROOT)),
                row.get("checksum", String.class),
                row.get("message", String.class),
                row.get("applied_at", OffsetDateTime.class),
                row.get("duration_ms", Long.class),
                row.get("applied_by", String.class),
                Boolean.TRUE.equals(row.get("success", Boolean.class)));
    }
}
