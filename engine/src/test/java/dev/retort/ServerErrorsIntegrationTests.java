package dev.retort;

import org.junit.jupiter.api.Test;
import dev.retort.error.ErrorCode;
import dev.retort.error.MigrationExecutionException;
import dev.retort.test.database.PostgresDatabase;
import io.r2dbc.spi.Connection;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Every error the server reports for a migration's statement, whatever its SQLSTATE class (and so
 * whatever exception type the driver maps it to), is a failed statement: exit code 1, the file and
 * line, the SQLSTATE, and an honest account of the database's state — rolled back for a
 * transactional revision, dirty for a non-transactional one. Only the connection's own state and
 * the session-ending classes (08, 57P) mean a lost connection.
 */
class ServerErrorsIntegrationTests {

    @RegisterExtension
    static final PostgresDatabase db = new PostgresDatabase();

    @RegisterExtension
    final MigrationWorkspace workspace = new MigrationWorkspace(db);

    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    /** Holds a lock on table {@code held} for the lock-timeout case, in a transaction of its own. */
    private Connection holder;

    @BeforeEach
    void aTableAnotherSessionHoldsALockOn() {
        db.execute("CREATE TABLE held (id int)");
        holder = Mono.from(db.connectionFactory().create()).block(TIMEOUT);
        Flux.from(holder.createStatement("BEGIN; LOCK TABLE held IN ACCESS SHARE MODE").execute())
                .flatMap(result -> result.getRowsUpdated()).blockLast(TIMEOUT);
    }

    @AfterEach
    void releaseTheLock() {
        Mono.from(holder.close()).block(TIMEOUT);
    }

    /**
     * @param name     the kind of error
     * @param sql      the section's statements; the last one fails, on the section's last line
     * @param sqlState the SQLSTATE the server reports
     */
    record ServerError(String name, String sql, String sqlState) {

        @Override
        public String toString() {
            return name + " (" + sqlState + ")";
        }
    }

    static Stream<ServerError> errors() {
        return Stream.of(
                new ServerError("RAISE EXCEPTION", "DO $$ BEGIN RAISE EXCEPTION 'boom'; END $$;", "P0001"),
                new ServerError("ASSERT", "DO $$ BEGIN ASSERT 1 = 2, 'nope'; END $$;", "P0004"),
                new ServerError("STRICT without a row", "DO $$ DECLARE x int; BEGIN SELECT 1 INTO STRICT x WHERE false; END $$;",
                        "P0002"),
                new ServerError("statement timeout", "SET statement_timeout = '50ms';\nSELECT pg_sleep(5);", "57014"),
                new ServerError("lock timeout", "SET lock_timeout = '50ms';\nALTER TABLE held ADD COLUMN extra int;", "55P03"),
                new ServerError("dependent objects", "CREATE VIEW held_view AS SELECT * FROM fresh;\nDROP TABLE fresh;", "2BP01"),
                new ServerError("a column a view uses", "CREATE VIEW held_view AS SELECT * FROM fresh;\n"
                        + "ALTER TABLE fresh ALTER id TYPE bigint;", "0A000"),
                new ServerError("read-only transaction",
                        "SET default_transaction_read_only = on;\nSET TRANSACTION READ ONLY;\nCREATE TABLE read_only (id int);",
                        "25006"),
                new ServerError("unknown schema", "CREATE TABLE no_such_schema.t (id int);", "3F000"),
                new ServerError("object not in prerequisite state", "CREATE SEQUENCE seq;\nSELECT currval('seq');", "55000"),
                new ServerError("invalid transaction termination",
                        "CREATE PROCEDURE commits() LANGUAGE plpgsql AS $$ BEGIN COMMIT; END $$;\n"
                                + "CREATE FUNCTION calls() RETURNS void LANGUAGE plpgsql AS $$ BEGIN CALL commits(); END $$;\n"
                                + "SELECT calls();", "2D000"),
                new ServerError("unknown database", "ALTER DATABASE no_such_database SET work_mem = '1MB';", "3D000"),
                new ServerError("stack depth", "CREATE FUNCTION deep() RETURNS int LANGUAGE plpgsql AS $$ BEGIN RETURN deep(); END $$;\n"
                        + "SELECT deep();", "54001"),
                new ServerError("missing server file", "SELECT pg_read_file('/no/such/file');", "58P01"),
                new ServerError("unknown role", "SET SESSION AUTHORIZATION no_such_role;", "22023"),
                new ServerError("division by zero", "SELECT 1 / 0;", "22012"),
                new ServerError("unique violation", "INSERT INTO fresh VALUES (1), (1);", "23505"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("errors")
    void aTransactionalRevisionFailsAtItsLineAndIsRolledBack(ServerError error) throws IOException {
        DatabaseSnapshot before = applyBaseThen(error, "");

        MigrationExecutionException failure = failure();

        assertThat(failure.code()).isEqualTo(ErrorCode.MIGRATION_FAILED);
        assertThat(failure.sqlState()).contains(error.sqlState());
        assertThat(failure.line()).isEqualTo(lastLine(error));
        assertThat(failure.getMessage()).contains("b2.sql:" + lastLine(error), "rolled back").doesNotContain("dirty");
        assertThat(DatabaseSnapshot.of(db)).isEqualTo(before);
    }

    @Test
    void theServersDetailAndConstraintNameAreKeptAndShown() throws IOException {
        applyBaseThen(new ServerError("unique violation", "INSERT INTO fresh VALUES (7), (7);", "23505"), "");

        MigrationExecutionException failure = failure();

        assertThat(failure.details().detail()).contains("Key (id)=(7) already exists.");
        assertThat(failure.details().constraint()).contains("fresh_pkey");
        assertThat(failure.getMessage()).contains("\n  detail: Key (id)=(7) already exists.");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("errors")
    void aNonTransactionalRevisionFailsAtItsLineAndSaysTheDatabaseIsDirty(ServerError error) throws IOException {
        applyBaseThen(error, "-- transactional: false\n");

        MigrationExecutionException failure = failure();

        assertThat(failure.code()).isEqualTo(ErrorCode.MIGRATION_FAILED);
        assertThat(failure.sqlState()).contains(error.sqlState());
        assertThat(failure.getMessage()).contains("b2.sql:" + lastLine(error), "dirty").doesNotContain("rolled back");
        assertThat(db.column("SELECT revision || ':' || success FROM retort_history ORDER BY id", String.class))
                .containsExactly("a1:true", "b2:false");
        assertThat(workspace.retort().validate().block(TIMEOUT).problems())
                .anySatisfy(problem -> assertThat(problem).extracting(ValidationReport.Problem::kind,
                        ValidationReport.Problem::revision).containsExactly(ValidationReport.Kind.DIRTY, "b2"));
    }

    /** Applies a base creating table {@code fresh}, then writes b2 with the failing section. */
    private DatabaseSnapshot applyBaseThen(ServerError error, String header) {
        workspace.files().revision("a1", null, "CREATE TABLE fresh (id int PRIMARY KEY);", null);
        workspace.retort().upgrade(Target.HEADS).blockLast(TIMEOUT);
        workspace.files().file("b2.sql", "-- revises: a1\n" + header + "-- +upgrade\n" + error.sql() + "\n");
        return DatabaseSnapshot.of(db);
    }

    /** The failing statement is on the file's last line. */
    private int lastLine(ServerError error) throws IOException {
        return (int) Files.readString(workspace.directory().resolve("b2.sql")).lines().count();
    }

    private MigrationExecutionException failure() {
        Throwable[] caught = new Throwable[1];
        assertThatThrownBy(() -> workspace.retort().upgrade(Target.HEADS).blockLast(TIMEOUT))
                .isInstanceOf(MigrationExecutionException.class)
                .satisfies(error -> caught[0] = error);
        return (MigrationExecutionException) caught[0];
    }
}
