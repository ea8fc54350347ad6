package dev.retort;

import dev.retort.error.ConnectionException;
import dev.retort.error.ErrorCode;
import dev.retort.error.MigrationFileException;
import dev.retort.test.PasswordCheckingServer;
import dev.retort.test.database.PostgresDatabase;
import dev.retort.test.SilentServer;
import io.r2dbc.spi.ConnectionFactories;
import io.r2dbc.spi.ConnectionFactoryOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;

import java.time.Duration;
import java.util.List;

import static dev.retort.test.Patience.PATIENCE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/** A server that is not up yet is waited for; failures that cannot heal are not. */
class ConnectRetryIntegrationTests {

    @RegisterExtension
    static final PostgresDatabase db = new PostgresDatabase();

    @RegisterExtension
    static final PasswordCheckingServer passwords = new PasswordCheckingServer();

    @RegisterExtension
    static final SilentServer silent = new SilentServer();

    @RegisterExtension
    final MigrationWorkspace workspace = new MigrationWorkspace(db);

    Retort retortOn(ConnectionFactoryOptions options, Duration connectRetry) {
        return Retort.builder(ConnectionFactories.get(options))
                .migrations(MigrationSources.directory(workspace.directory()))
                .connectRetry(connectRetry)
                .build();
    }

    @Test
    void aServerThatComesUpWithinTheRetryWindowIsMigrated() throws Exception {
        workspace.files().revision("a1", null, "CREATE TABLE late (id int);", null);
        ConnectionFactoryOptions direct = db.options();
        try (LateServer late = new LateServer((String) direct.getRequiredValue(ConnectionFactoryOptions.HOST),
                (Integer) direct.getRequiredValue(ConnectionFactoryOptions.PORT), Duration.ofMillis(1500))) {
            ConnectionFactoryOptions viaLate = direct.mutate().option(ConnectionFactoryOptions.PORT, late.port()).build();

            retortOn(viaLate, Duration.ofSeconds(30)).upgrade(Target.HEADS).blockLast(Duration.ofSeconds(60));
        }

        assertThat(workspace.tables()).contains("late");
    }

    @Test
    void aServerThatAcceptsButNeverAnswersFailsAfterTheConnectTimeout() {
        workspace.files().revision("a1", null, "CREATE TABLE never (id int);", null);
        Retort retort = Retort.builder(ConnectionFactories.get(silent.url()))
                .migrations(MigrationSources.directory(workspace.directory()))
                .connectTimeout(Duration.ofMillis(500))
                .build();

        StepVerifier.create(retort.current())
                .expectErrorSatisfies(error -> assertThat(error).isInstanceOf(ConnectionException.class)
                        .hasMessageContaining("Cannot connect to the database")
                        .hasMessageContaining("did not complete the handshake within 500 ms"))
                .verify(Duration.ofSeconds(10));
        assertThat(silent.acceptedConnections()).isPositive();
    }

    @Test
    void aConnectTimeoutOfZeroIsAConfigurationError() {
        assertThat(catchThrowable(() -> Retort.builder(ConnectionFactories.get(silent.url())).connectTimeout(Duration.ZERO)))
                .isInstanceOf(dev.retort.error.RetortException.class).hasMessageContaining("connect timeout");
    }

    @Test
    void withoutARetryWindowAnUnreachableServerFailsAsAConnectionError() throws Exception {
        workspace.files().revision("a1", null, "CREATE TABLE never (id int);", null);
        try (LateServer never = new LateServer("127.0.0.1", 1, Duration.ofHours(1))) {
            ConnectionFactoryOptions options = db.options().mutate().option(ConnectionFactoryOptions.PORT, never.port())
                    .build();

            StepVerifier.create(retortOn(options, Duration.ZERO).upgrade(Target.HEADS))
                    .thenConsumeWhile(e -> true)
                    .verifyErrorSatisfies(error -> {
                        assertThat(error).isInstanceOf(ConnectionException.class)
                                .hasMessageContaining("Cannot connect to the database");
                        assertThat(((ConnectionException) error).code()).isEqualTo(ErrorCode.CONNECTION_FAILED);
                    });
        }
        assertThat(workspace.tables()).isEmpty();
    }

    /** The files are read while connecting, yet their error is the one reported, as if read first. */
    @Test
    void anInvalidFileIsReportedRatherThanAnUnreachableServer() throws Exception {
        workspace.files().revision("a1", null, "CREATE TABLE never (id int);", null)
                .file("b2.sql", "-- revision: b2\n-- revises: a1\n-- +upgrade\nSELECT 1;\n-- +sideways\n");
        try (LateServer never = new LateServer("127.0.0.1", 1, Duration.ofHours(1))) {
            ConnectionFactoryOptions options = db.options().mutate().option(ConnectionFactoryOptions.PORT, never.port())
                    .build();
            Retort retort = retortOn(options, Duration.ZERO);

            for (Flux<?> run : List.of(retort.upgrade(Target.HEADS), retort.validate().flux(),
                    retort.plan(Operation.UPGRADE, Target.HEADS).flux())) {
                StepVerifier.create(run).thenConsumeWhile(e -> true)
                        .verifyErrorSatisfies(error -> assertThat(error).isInstanceOf(MigrationFileException.class)
                                .hasMessageContaining("b2.sql:5"));
            }
        }
    }

    @Test
    void thePasswordAppearsNowhereInAConnectionFailureOrItsCauses() throws Exception {
        workspace.files().revision("a1", null, "SELECT 1;", null);
        String password = "pw-s3cret-" + System.nanoTime();
        try (LateServer never = new LateServer("127.0.0.1", 1, Duration.ofHours(1))) {
            ConnectionFactoryOptions options = db.options().mutate()
                    .option(ConnectionFactoryOptions.PORT, never.port())
                    .option(ConnectionFactoryOptions.PASSWORD, password).build();

            Throwable failure = catchThrowable(() -> retortOn(options, Duration.ZERO).upgrade(Target.HEADS).blockLast(PATIENCE));

            java.io.StringWriter trace = new java.io.StringWriter();
            failure.printStackTrace(new java.io.PrintWriter(trace));
            assertThat(failure).isInstanceOf(ConnectionException.class);
            assertThat(trace.toString()).doesNotContain(password);
        }
    }

    @Test
    void aWrongPasswordIsRefusedAtOnceEvenWithARetryWindowAndNeverShown() {
        workspace.files().revision("a1", null, "SELECT 1;", null);
        ConnectionFactoryOptions wrong = ConnectionFactoryOptions.parse(passwords.url()).mutate()
                .option(ConnectionFactoryOptions.PASSWORD, "wrong-password-value").build();

        StepVerifier.create(retortOn(wrong, Duration.ofMinutes(10)).upgrade(Target.HEADS))
                .expectErrorSatisfies(error -> {
                    assertThat(error).isInstanceOf(ConnectionException.class).hasMessageContaining("28P01");
                    java.io.StringWriter trace = new java.io.StringWriter();
                    error.printStackTrace(new java.io.PrintWriter(trace));
                    assertThat(trace.toString()).doesNotContain("wrong-password-value");
                })
                .verify(Duration.ofSeconds(30));
    }

    @Test
    void theRightPasswordMigrates() {
        workspace.files().revision("a1", null, "CREATE TABLE guarded (id int);", null);
        ConnectionFactoryOptions right = ConnectionFactoryOptions.parse(passwords.url()).mutate()
                .option(ConnectionFactoryOptions.PASSWORD, PasswordCheckingServer.PASSWORD).build();

        retortOn(right, Duration.ZERO).upgrade(Target.HEADS).blockLast(Duration.ofSeconds(30));

        assertThat(retortOn(right, Duration.ZERO).current().block(PATIENCE)).containsExactly("a1");
    }

    @Test
    void aMissingDatabaseIsReportedWithItsSqlStateEvenWithARetryWindow() {
        workspace.files().revision("a1", null, "SELECT 1;", null);
        ConnectionFactoryOptions missing = db.options().mutate()
                .option(ConnectionFactoryOptions.DATABASE, "retort_no_such_database").build();

        StepVerifier.create(retortOn(missing, Duration.ofMinutes(10)).upgrade(Target.HEADS))
                .thenConsumeWhile(e -> true)
                .expectErrorSatisfies(error -> assertThat(error).isInstanceOf(ConnectionException.class)
                        .hasMessageContaining("3D000"))
                .verify(Duration.ofSeconds(30));
    }
}
