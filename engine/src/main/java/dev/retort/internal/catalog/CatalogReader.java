package dev.retort.internal.catalog;

import dev.retort.internal.history.TableNames;
import dev.retort.internal.r2dbc.Connections;
import dev.retort.schema.ObjectKind;
import dev.retort.schema.SchemaObject;
import dev.retort.schema.SchemaSnapshot;
import io.r2dbc.spi.Connection;
import io.r2dbc.spi.Readable;
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
     * @return the snapshot; reads only
     */
    public Mono<SchemaSnapshot> read(Connection connection) {
        return Connections.query(connection, query, CatalogReader::object).collectList().map(SchemaSnapshot::new);
    }

    /** One object, as a catalog statement returns it: kind, name, and its properties' names and values. */
    private static SchemaObject object(Readable row) {
        String[] names = row.get(2, String[].class);
        String[] values = row.get(3, String[].class);
        TreeMap<String, String> properties = new TreeMap<>();
        for (int i = 0; i < names.length; i++) {
            properties.put(names[i], values[i]);
        }
        return new SchemaObject(ObjectKind.of(row.get(0, String.class)), row.get(1, String.class), properties);
    }
}
