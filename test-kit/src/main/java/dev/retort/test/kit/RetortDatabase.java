package dev.retort.test.kit;

import dev.retort.MigrationSources;
import dev.retort.Retort;
import dev.retort.RetortBuilder;
import dev.retort.Target;
import dev.retort.spi.MigrationSource;
import dev.retort.test.database.PostgresDatabase;
import io.r2dbc.spi.ConnectionFactory;
import io.r2dbc.spi.ConnectionFactoryOptions;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * A fresh PostgreSQL database for one test class, migrated by Retort before the class's first test
 * and dropped after its last.
 *
 * <pre>{@code
 * @RegisterExtension
 * static final RetortDatabase db = RetortDatabase.migrated("classpath:db/migrations");
 *
 * @Test
 * void savesACandidate() {
 *     var repository = new CandidateRepository(db.connectionFactory());
 *     ...
 *     db.reset(); // back to the freshly migrated state
 * }
 * }</pre>
 *
 * <p>The server is the first of: the {@code RETORT_TEST_URL} environment variable (an R2DBC URL of
 * a role that may create databases), a server answering on {@code 127.0.0.1:5432} as user
 * {@code postgres} without a password, a Testcontainers PostgreSQL container when Docker runs.
 * Without any of them the class fails with a message saying so: a missing server never skips tests.
 *
 * <p>The database is created the first time it is needed: before the first test, or earlier when
 * {@link #url()} is asked for it (a Micronaut {@code TestPropertyProvider} does that before the
 * application starts; give such an application {@link #empty()} and let it migrate itself). The
 * blocking helpers ({@link #query}, {@link #column}, {@link #execute}, {@link #reset}) are for test
 * code on the test thread, never for the code under test.
 */
public final class RetortDatabase implements BeforeAllCallback, AfterAllCallback {

    private static final Duration TIMEOUT = Duration.ofMinutes(2);

    private final PostgresDatabase database = new PostgresDatabase();
    private final @Nullable MigrationSource migrations;
    private final Target target;
    private final UnaryOperator<RetortBuilder> configuration;
    private @Nullable Retort retort;
    private @Nullable Class<?> owner;

    private RetortDatabase(@Nullable MigrationSource migrations, Target target,
            UnaryOperator<RetortBuilder> configuration) {
        this.migrations = migrations;
        this.target = target;
        this.configuration = configuration;
    }

    /**
     * @param locations where the migrations are, as the CLI's {@code --migrations} and Micronaut's
     *                  {@code locations} take them: {@code classpath:db/migrations}, a directory,
     *                  or several separated by commas
     * @return a database migrated to {@code heads} before the class's first test
     */
    public static RetortDatabase migrated(String locations) {
        return migrated(MigrationSources.parse(locations));
    }

    /**
     * @param directory the directory of migration files
     * @return a database migrated to {@code heads} before the class's first test
     */
    public static RetortDatabase migrated(Path directory) {
        return migrated(MigrationSources.directory(directory));
    }

    /**
     * @param migrations where the migrations come from
     * @return a database migrated to {@code heads} before the class's first test
     */
    public static RetortDatabase migrated(MigrationSource migrations) {
        return new RetortDatabase(Objects.requireNonNull(migrations, "migrations"), Target.HEADS,
                UnaryOperator.identity());
    }

    /**
     * @return an empty database, for an application that migrates its own (retort-micronaut) or for
     *     a test that runs Retort itself
     */
    public static RetortDatabase empty() {
        return new RetortDatabase(null, Target.HEADS, UnaryOperator.identity());
    }

    /**
     * @param target where to migrate before the first test and on {@link #reset()}, e.g. {@code
     *               "002_add_rejection_reason"} to test a data migration from there; default
     *               {@code heads}
     * @return a copy that migrates to that target
     */
    public RetortDatabase to(String target) {
        return new RetortDatabase(migrations, Target.parse(target), configuration);
    }

    /**
     * @param configure sets what the application sets on its Retort: {@code b -> b.schema("app")}
     * @return a copy whose {@link #retort()} is configured so
     */
    public RetortDatabase configure(UnaryOperator<RetortBuilder> configure) {
        UnaryOperator<RetortBuilder> previous = configuration;
        return new RetortDatabase(migrations, target, b -> configure.apply(previous.apply(b)));
    }

    /** Creates the database and migrates it, once for the class and its nested classes. */
    @Override
    public void beforeAll(ExtensionContext context) {
        if (owner != null) {
            return;
        }
        owner = context.getRequiredTestClass();
        database.beforeAll(context);
        migrate();
    }

    /** Drops the database after the class that registered the extension. */
    @Override
    public void afterAll(ExtensionContext context) {
        if (context.getRequiredTestClass() == owner) {
            database.afterAll(context);
            owner = null;
            retort = null;
        }
    }

    /**
     * Returns the database to the state the class's first test saw: drops every schema but the
     * server's own (tables, data, types, functions, the extensions installed there, Retort's
     * tables) and migrates again. The database and open connections stay.
     */
    public void reset() {
        database.reset();
        migrate();
    }

    private void migrate() {
        if (migrations != null) {
            retort().upgrade(target).blockLast(TIMEOUT);
        }
    }

    /**
     * @return a Retort on this database, with the migrations and the configuration given; for an
     *     {@link #empty()} database, one without migrations (add them with {@link #configure})
     */
    public synchronized Retort retort() {
        if (retort == null) {
            RetortBuilder builder = Retort.builder(database.connectionFactory());
            if (migrations != null) {
                builder.migrations(migrations);
            }
            retort = configuration.apply(builder).build();
        }
        return retort;
    }

    /** @return a connection factory for this database (unpooled: each {@code create()} opens a connection) */
    public ConnectionFactory connectionFactory() {
        return database.connectionFactory();
    }

    /** @return the connection options of this database */
    public ConnectionFactoryOptions options() {
        return database.options();
    }

    /** @return an R2DBC URL of this database, with the password when the server needs one */
    public String url() {
        return database.url();
    }

    /** @return the database's name */
    public String name() {
        return database.name();
    }

    /**
     * @param sql a query
     * @return its rows as column-to-value maps, in the server's order
     */
    public List<Map<String, Object>> query(String sql) {
        return database.query(sql);
    }

    /**
     * @param sql  a query returning one column
     * @param type the column's Java type
     * @param <T>  the type
     * @return the column's values, in the server's order
     */
    public <T> List<T> column(String sql, Class<T> type) {
        return database.column(sql, type);
    }

    /** @param sql statements separated by semicolons, run in one session */
    public void execute(String sql) {
        database.execute(sql);
    }
}
