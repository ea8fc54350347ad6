package dev.retort.internal.catalog;

import dev.retort.error.ErrorCode;
import dev.retort.error.RetortException;
import dev.retort.internal.r2dbc.Connections;
import io.r2dbc.spi.ConnectionFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.util.List;
import java.util.function.Function;

/**
 * A database given as the shadow: refused unless it is empty (nothing touched then), and left
 * empty again after each use, on completion, error and cancellation: every schema the replay used
 * is dropped, and those that were there before are created again with their owner and grants.
 */
final class GivenShadow {

    /** The schemas a user's objects can live in: not the system's. */
    private static final String USER_SCHEMAS = "n.nspname NOT IN ('pg_catalog', 'information_schema')"
            + " AND n.nspname NOT LIKE 'pg\\_toast%' AND n.nspname NOT LIKE 'pg\\_temp%'";
    private static final String OBJECTS = "SELECT (SELECT count(*) FROM pg_class c JOIN pg_namespace n"
            + " ON n.oid = c.relnamespace WHERE " + USER_SCHEMAS + ")"
            + " + (SELECT count(*) FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace WHERE " + USER_SCHEMAS + ")"
            + " + (SELECT count(*) FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace"
            + " WHERE t.typrelid = 0 AND t.typarray <> 0 AND " + USER_SCHEMAS + ")"
            + " + (SELECT count(*) FROM pg_extension WHERE extname <> 'plpgsql')";
    /** For each user schema: the statement that drops it, and those that make it again as it is now. */
    private static final String SCHEMAS = "SELECT format('DROP SCHEMA IF EXISTS %I CASCADE', n.nspname),"
            + " format('CREATE SCHEMA %I AUTHORIZATION %I', n.nspname, pg_get_userbyid(n.nspowner))"
            + " || coalesce((SELECT string_agg(format('; GRANT %s ON SCHEMA %I TO %s', a.privilege_type, n.nspname,"
            + " CASE WHEN a.grantee = 0 THEN 'PUBLIC' ELSE quote_ident(pg_get_userbyid(a.grantee)) END), '')"
            + " FROM aclexplode(n.nspacl) a), '')"
            + " FROM pg_namespace n WHERE " + USER_SCHEMAS;

    private final Connections shadow;
    private final ConnectionFactory database;

    /**
     * @param shadow   connections to the given database
     * @param database its connection factory
     */
    GivenShadow(Connections shadow, ConnectionFactory database) {
        this.shadow = shadow;
        this.database = database;
    }

    /**
     * @param work what to do with the shadow's connection factory
     * @param <T>  what the work gives
     * @return the work's result; the database is empty again before this completes or fails
     */
    <T> Flux<T> use(Function<ConnectionFactory, Flux<T>> work) {
        return Flux.usingWhen(emptySchemas(), recreate -> work.apply(database), this::reset,
                (recreate, error) -> reset(recreate), this::reset);
    }

    /** @return the statements that make the schemas again as they are, once the database is found empty */
    private Mono<List<String>> emptySchemas() {
        return shadow.with(connection -> Connections.query(connection, OBJECTS, row -> row.get(0, Long.class))
                .flatMap(objects -> objects > 0 ? Mono.error(notEmpty(objects))
                        : Connections.query(connection, SCHEMAS, row -> row.get(1, String.class)).collectList()))
                .single();
    }

    private static RetortException notEmpty(long objects) {
        return new RetortException(ErrorCode.INVALID_CONFIGURATION, "The shadow database is not empty: it holds "
                + objects + " objects (tables, functions, types or extensions). Name an empty database as the shadow;"
                + " nothing in it was touched.");
    }

    private Mono<Void> reset(List<String> recreate) {
        return shadow.with(connection -> Connections.query(connection, SCHEMAS, row -> row.get(0, String.class))
                        .concatMap(drop -> Connections.execute(connection, drop))
                        .thenMany(Flux.fromIterable(recreate).concatMap(sql -> Connections.execute(connection, sql))))
                .then();
    }
}
