package dev.retort.test;

import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactories;
import io.r2dbc.spi.ConnectionFactory;
import io.r2dbc.spi.ConnectionFactoryOptions;
import io.r2dbc.spi.Readable;
import io.r2dbc.spi.Result;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

/**
 * A fresh PostgreSQL database for one test class, created before its first test and dropped
 * after its last. Register it as {@code @RegisterExtension static final PostgresDatabase db =
 * new PostgresDatabase();}. The server is found by {@link PostgresServer}. The blocking helpers
 * ({@link #query}, {@link #execute}) are for test code on the test thread, never for code under
 * test.
 */
public final class PostgresDatabase implements BeforeAllCallback, AfterAllCallback {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private String name;
    private ConnectionFactory connectionFactory;
    private Class<?> owner;

    /**
     * Creates the database for the class that registers the extension. JUnit calls this again for
     * each {@code @Nested} class inside it; those share the outer class's database.
     */
    @Override
    public void beforeAll(ExtensionContext context) {
        if (owner != null) {
            return;
        }
        owner = context.getRequiredTestClass();
        String simpleName = owner.getSimpleName().toLowerCase(Locale.ROOT);
        name = "retort_" + simpleName.substring(0, Math.min(simpleName.length(), 30)) + "_"
                + UUID.randomUUID().toString().substring(0, 8);
        onAdmin("CREATE DATABASE \"" + name + "\"");
        connectionFactory = ConnectionFactories.get(options());
    }

    /** Drops the database after the registering class, not after each of its nested classes. */
    @Override
    public void afterAll(ExtensionContext context) {
        if (context.getRequiredTestClass() == owner) {
            onAdmin("DROP DATABASE IF EXISTS \"" + name + "\" WITH (FORCE)");
            owner = null;
        }
    }

    private static void onAdmin(String sql) {
        ConnectionFactory admin = ConnectionFactories.get(PostgresServer.admin());
        Flux.usingWhen(admin.create(), c -> Flux.from(c.createStatement(sql).execute()).flatMap(Result::getRowsUpdated),
                Connection::close).blockLast(TIMEOUT);
    }

    /** @return options for this database, as for the admin connection but with this database's name */
    public ConnectionFactoryOptions options() {
        return PostgresServer.admin().mutate().option(ConnectionFactoryOptions.DATABASE, name).build();
    }

    /** @return a connection factory for this database (unpooled: each create() opens a connection) */
    public ConnectionFactory connectionFactory() {
        return connectionFactory;
    }

    /** @return the database's name */
    public String name() {
        return name;
    }

    /**
     * @return an R2DBC URL for this database, as a user would pass it to the CLI; includes the
     *     password when the server needs one
     */
    public String url() {
        ConnectionFactoryOptions o = options();
        Object password = o.getValue(ConnectionFactoryOptions.PASSWORD);
        return "r2dbc:postgresql://" + o.getValue(ConnectionFactoryOptions.USER)
                + (password != null ? ":" + password : "") + "@" + o.getValue(ConnectionFactoryOptions.HOST)
                + ":" + o.getValue(ConnectionFactoryOptions.PORT) + "/" + name;
    }

    /**
     * Runs a query on the test thread and returns its rows as column-to-value maps.
     *
     * @param sql the query
     * @return the rows, in the server's order
     */
    public List<Map<String, Object>> query(String sql) {
        return run(sql, PostgresDatabase::toMap).collectList().block(TIMEOUT);
    }

    /**
     * Runs a query on the test thread and returns its single column as values of one type.
     *
     * @param sql  the query
     * @param type the column's Java type
     * @param <T>  the type
     * @return the values, in the server's order
     */
    public <T> List<T> column(String sql, Class<T> type) {
        return run(sql, row -> row.get(0, type)).collectList().block(TIMEOUT);
    }

    /**
     * Runs statements on the test thread, in one session.
     *
     * @param sql the statements, separated by semicolons (simple query protocol)
     */
    public void execute(String sql) {
        Flux.usingWhen(connectionFactory.create(),
                c -> Flux.from(c.createStatement(sql).execute()).flatMap(Result::getRowsUpdated),
                Connection::close).blockLast(TIMEOUT);
    }

    private <T> Flux<T> run(String sql, Function<Readable, T> mapper) {
        return Flux.usingWhen(connectionFactory.create(),
                c -> Flux.from(c.createStatement(sql).execute()).concatMap(r -> r.map(mapper::apply)),
                Connection::close);
    }

    private static Map<String, Object> toMap(Readable row) {
        Map<String, Object> map = new LinkedHashMap<>();
        if (row instanceof io.r2dbc.spi.Row r) {
            r.getMetadata().getColumnMetadatas().forEach(m -> map.put(m.getName(), r.get(m.getName())));
        }
        return map;
    }

    /** @return a one-line description of where the server came from */
    public static String serverDescription() {
        return PostgresServer.description();
    }

    /** Drops every table, function and type in {@code public}: a clean slate within the class. */
    public void reset() {
        execute("DROP SCHEMA public CASCADE; CREATE SCHEMA public");
    }

    /**
     * @param sql a query that returns one row with one value
     * @return that value
     */
    public Object scalar(String sql) {
        return Mono.from(run(sql, row -> row.get(0))).block(TIMEOUT);
    }
}
