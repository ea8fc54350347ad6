package dev.retort.internal.catalog;

import dev.retort.internal.history.TableNames;
import dev.retort.schema.ObjectKind;
import dev.retort.schema.SchemaObject;
import dev.retort.schema.SchemaSnapshot;
import io.r2dbc.spi.ColumnMetadata;
import io.r2dbc.spi.Connection;
import io.r2dbc.spi.Row;
import io.r2dbc.spi.RowMetadata;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.util.List;
import java.util.TreeMap;

/** Reads a {@link SchemaSnapshot} on a connection, in one round trip ({@link CatalogQueries}). */
public final class CatalogReader {

    private final String query;

    /**
     * @param schemas the managed schemas; the first is the home schema
     * @param own     Retort's tables, left out of every snapshot
     */
    public CatalogReader(List<String> schemas, TableNames own) {
        this.query = CatalogQueries.snapshot(schemas, own);
    }

    /**
     * @param connection a connection outside a transaction
     * @return the snapshot, read on that connection; reads only
     */
    public Mono<SchemaSnapshot> read(Connection connection) {
        return Flux.from(connection.createStatement(query).execute())
                .concatMap(result -> result.map(CatalogReader::object))
                .collectList()
                .map(SchemaSnapshot::new);
    }

    /** One object, as a catalog statement returns it: kind, name, then a column per property. */
    private static SchemaObject object(Row row, RowMetadata metadata) {
        List<? extends ColumnMetadata> columns = metadata.getColumnMetadatas();
        TreeMap<String, String> properties = new TreeMap<>();
        for (int i = 2; i < columns.size(); i++) {
            String value = row.get(i, String.class);
            if (value != null) {
                properties.put(columns.get(i).getName(), value);
            }
        }
        return new SchemaObject(ObjectKind.of(row.get(0, String.class)), row.get(1, String.class), properties);
    }
}
