package dev.retort.fleet;

import dev.retort.Retort;
import dev.retort.RetortBuilder;
import dev.retort.error.ErrorCode;
import dev.retort.error.RetortException;
import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.util.List;
import java.util.function.Function;

/** Finds a fleet's tenants: the schemas of one database that match a pattern. */
public final class Tenants {

    private Tenants() {
    }

    /**
     * @param database    the database whose schemas are the tenants
     * @param likePattern an SQL {@code LIKE} pattern over schema names, e.g. {@code tenant_%}
     * @param builder     a builder for the database with everything but the tenant set (migrations,
     *                    settings ...), asked once per tenant
     * @return one tenant per matching schema, sorted by name, each keeping Retort's tables in its
     *     schema and running its migrations with {@code search_path} set to the schema, then
     *     {@code public}; fails with {@link ErrorCode#INVALID_CONFIGURATION} when none matches
     */
    public static Mono<List<Tenant>> schemas(ConnectionFactory database, String likePattern,
            Function<ConnectionFactory, RetortBuilder> builder) {
        return Flux.usingWhen(database.create(), connection -> names(connection, likePattern), Connection::close)
                .map(schema -> schema(schema, builder.apply(database)))
                .collectList()
                .flatMap(tenants -> tenants.isEmpty()
                        ? Mono.error(new RetortException(ErrorCode.INVALID_CONFIGURATION, "No schema matches '"
                                + likePattern + "': nothing to migrate. Check the pattern (SQL LIKE: % for any"
                                + " characters, _ for one)."))
                        : Mono.just(tenants));
    }

    /**
     * @param schema  the tenant's schema, which exists
     * @param builder a builder for its database
     * @return the tenant: Retort's tables in the schema, its migrations run with {@code search_path}
     *     set to the schema, then {@code public}
     */
    public static Tenant schema(String schema, RetortBuilder builder) {
        Retort retort = builder.schema(schema).migrationSearchPath(schema).build();
        return new Tenant(schema, retort);
    }

    private static Flux<String> names(Connection connection, String likePattern) {
        return Flux.from(connection.createStatement("SELECT nspname::text FROM pg_catalog.pg_namespace"
                        + " WHERE nspname LIKE $1 AND nspname NOT LIKE 'pg\\_%' AND nspname <> 'information_schema'"
                        + " ORDER BY 1").bind("$1", likePattern).execute())
                .flatMap(result -> result.map(row -> row.get(0, String.class)));
    }
}
