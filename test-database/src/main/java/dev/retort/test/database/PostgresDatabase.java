package dev.retort.test.database;

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
 * new PostgresDatabase();}. The server is found by {@link TestServer}. The blocking helpers
 * ({@link #query}, {@link #execute}) are for test code on the test thread, never for code under
 * test.
 */
public final class PostgresDatabase implements BeforeAllCallback, AfterAllCallback {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private String name;
    private ConnectionFactory connectionFactory;
    private Class<?> owner;

    /**
     * Creates the database for the class that registers the extension, unless an accessor already
     * did (a Micronaut {@code TestPropertyProvider} asks for the URL before this runs). JUnit calls
     * this again for each {@code @Nested} class inside it; those share the outer class's database.
     */
    @Override
    public void beforeAll(ExtensionContext context) {
        if (owner != null) {
            return;
        }
        owner = context.getRequiredTestClass();
        create(owner.getSimpleName());
    }

    /** Drops the database after the registering class, not after each of its nested classes. */
    @Override
    public void afterAll(ExtensionContext context) {
        if (context.getRequiredTestClass() == owner) {
            onAdmin("DROP DATABASE IF EXISTS \"" + name + "\" WITH (FORCE)");
            owner = null;
            name = null;
            connectionFactory = null;
        }
    }

    private synchronized String created() {
        if (name == null) {
            create("test");
        }
        return name;
    }

    private synchronized void create(String label) {
        if (name != null) {
            return;
        }
        String lower = label.toLowerCase(Locale.ROOT);
        String candidate = "retort_" + lower.substring(0, Math.min(lower.length(), 30)) + "_"
                + UUID.randomUUID().toString().substring(0, 8);
        onAdmin("CREATE DATABASE \"" + candidate + "\"");
        name = candidate;
        connectionFactory = ConnectionFactories.get(options());
    }

    private static void onAdmin(String sql) {
        ConnectionFactory admin = ConnectionFactories.get(TestServer.admin());
        Flux.usingWhen(admin.create(), c -> Flux.from(c.createStatement(sql).execute()).flatMap(Result::getRowsUpdated),
                Connection::close).blockLast(TIMEOUT);
    }

    /** @return options for this database, as for the admin connection but with this database's name */
    public ConnectionFactoryOptions options() {
        return TestServer.admin().mutate().option(ConnectionFactoryOptions.DATABASE, created()).build();
    }

    /** @return a connection factory for this database (unpooled: each create() opens a connection) */
    public ConnectionFactory connectionFactory() {
        created();
        return connectionFactory;
    }

    /** @return the database's name */
    public String name() {
        return created();
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
                + ":" + o.getValue(ConnectionFactoryOptions.PORT) + "/" + name();
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
        Flux.usingWhen(connectionFactory().create(),
                c -> Flux.from(c.createStatement(sql).execute()).flatMap(Result::getRowsUpdated),
                Connection::close).blockLast(TIMEOUT);
    }

    private <T> Flux<T> run(String sql, Function<Readable, T> mapper) {
        return Flux.usingWhen(connectionFactory().create(),
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
        return TestServer.description();
    }

    /**
     * Drops every schema but the server's own, with all that is in them (tables, functions, types,
     * the extensions installed there), and creates an empty {@code public} again: a clean slate
     * within the class, on the same database, so open connections stay usable.
     */
    public void reset() {
        execute("DO $$ DECLARE s name; BEGIN"
                + " FOR s IN SELECT nspname FROM pg_namespace WHERE nspname NOT LIKE 'pg\\_%' AND nspname <> 'information_schema'"
                + " LOOP EXECUTE format('DROP SCHEMA %I CASCADE', s); END LOOP; END $$;"
                + " CREATE SCHEMA public AUTHORIZATION pg_database_owner; GRANT USAGE ON SCHEMA public TO PUBLIC");
    }

    /**
     * @param sql a query that returns one row with one value
     * @return that value
     */
    public Object scalar(String sql) {
        return Mono.from(run(sql, row -> row.get(0))).block(TIMEOUT);
    }
}
