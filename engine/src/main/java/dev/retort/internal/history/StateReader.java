package dev.retort.internal.history;

import dev.retort.HistoryEntry;
import dev.retort.Operation;
import dev.retort.error.RetortException;
import dev.retort.error.RetortTablesException;
import dev.retort.internal.r2dbc.Connections;
import dev.retort.internal.r2dbc.ErrorTranslation;
import io.r2dbc.spi.Connection;
import io.r2dbc.spi.Readable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** Reads the version and history tables, without creating them when they are missing. */
public final class StateReader {

    private final HistorySql sql;

    /** @param sql the table SQL */
    public StateReader(HistorySql sql) {
        this.sql = sql;
    }

    /**
     * @param connection the connection
     * @return the state; {@link DatabaseState#untouched} when the tables do not exist
     */
    public Mono<DatabaseState> read(Connection connection) {
        return existence(connection).flatMap(exist -> exist.tables() ? state(connection)
                        : Mono.just(DatabaseState.untouched(exist.schema())))
                .onErrorMap(ErrorTranslation::isStatementFailure, this::cannotRead);
    }

    private RetortException cannotRead(Throwable error) {
        return new RetortTablesException("Cannot read Retort's tables "
                + sql.names().versionTable() + " and " + sql.names().historyTable() + ": "
                + ErrorTranslation.describe(error) + ". Grant the role USAGE on the schema (and CREATE, for the first"
                + " run), or configure a schema it may use.", error);
    }

    /** Whether both tables exist, and whether their schema does. */
    private record Existence(boolean tables, boolean schema) {
    }

    private Mono<Existence> existence(Connection connection) {
        return Connections.query(connection, sql.tablesExist(),
                row -> new Existence(Boolean.TRUE.equals(row.get(0, Boolean.class))
                        && Boolean.TRUE.equals(row.get(1, Boolean.class)), Boolean.TRUE.equals(row.get(2, Boolean.class))))
                .single();
    }

    private Mono<DatabaseState> state(Connection connection) {
        return Connections.query(connection, sql.selectState(), StateRow::of).collectList().map(StateReader::state);
    }

    private static DatabaseState state(List<StateRow> rows) {
        Set<String> heads = rows.stream().filter(row -> HistorySql.HEAD.equals(row.kind()))
                .map(StateRow::revision).collect(Collectors.toSet());
        Optional<DatabaseState.DirtyMark> dirtyMark = rows.stream().filter(row -> HistorySql.LATEST.equals(row.kind()))
                .findFirst().flatMap(StateRow::failure);
        return new DatabaseState(true, true, heads, dirtyMark);
    }

    /** A row of {@link HistorySql#selectState()}, copied out of the driver's row while it is valid. */
    private record StateRow(String kind, String revision, String operation, Boolean success) {

        static StateRow of(Readable row) {
            return new StateRow(row.get("kind", String.class), row.get("revision", String.class),
                    row.get("operation", String.class), row.get("success", Boolean.class));
        }

        /** @return the failed revision, when this latest history row records a failure */
        Optional<DatabaseState.DirtyMark> failure() {
            return Boolean.TRUE.equals(success) ? Optional.empty()
                    : Optional.of(new DatabaseState.DirtyMark(revision, operation));
        }
    }

    /**
     * @param connection the connection
     * @return every history row, oldest first; nothing when the tables do not exist
     */
    public Flux<HistoryEntry> history(Connection connection) {
        return existence(connection).flatMapMany(exist -> exist.tables()
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
