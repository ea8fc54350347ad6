package dev.retort.cli;

import dev.retort.test.PasswordCheckingServer;
import dev.retort.test.database.PostgresDatabase;
import dev.retort.test.SilentServer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;

import static dev.retort.cli.RunAssert.assertThatRun;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Connecting: the user and password settings override the URL's, a database that cannot be
 * reached exits 3, and no password appears in any output when that happens.
 */
class ConnectionIntegrationTests {

    @RegisterExtension
    static final PostgresDatabase db = new PostgresDatabase();

    @RegisterExtension
    static final PasswordCheckingServer passwords = new PasswordCheckingServer();

    @RegisterExtension
    static final SilentServer silent = new SilentServer();

    private static final String PASSWORD = "s3cr3t-value";
    /** Nothing listens on port 1. */
    private static final String CLOSED_PORT_URL = "r2dbc:postgresql://postgres@127.0.0.1:1/postgres";

    @TempDir
    Path workingDirectory;

    private RetortCli retort;

    @BeforeEach
    void exampleFiles() {
        Examples.copyTo(workingDirectory);
        retort = new RetortCli(workingDirectory);
    }

    @Test
    void aClosedPortExitsThreeWithoutShowingThePasswordFlag() {
        for (String output : new String[] {"--no-color", "--json", "--verbose"}) {
            RetortCli.Run run = retort.run("current", "--url", CLOSED_PORT_URL, "--password", PASSWORD, output);

            assertThatRun(run).exitedWith(3).complained("Cannot connect").complained("127.0.0.1:1").neverShowed(PASSWORD);
        }
    }

    /** The URLs the seeds' teams have: DATABASE_URL, libpq's and JDBC's forms, converted, never opened with JDBC. */
    @Test
    void databaseUrlAndThePostgresAndJdbcFormsReachTheSameDatabase() {
        String database = db.name();
        assertThatRun(retort.env("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/" + database).run("-q", "upgrade", "head"))
                .succeeded();
        retort = new RetortCli(workingDirectory);
        for (String url : new String[] {"postgresql://127.0.0.1/" + database + "?user=postgres",
                "jdbc:postgresql://127.0.0.1:5432/" + database + "?user=postgres&sslmode=disable"}) {
            assertThatRun(retort.run("current", "--url", url)).succeeded().printed(Examples.HEAD);
        }
        assertThatRun(retort.run("current", "--url", "jdbc:postgresql://127.0.0.1:1/x?user=postgres&password=" + PASSWORD))
                .exitedWith(3).complained("127.0.0.1:1").neverShowed(PASSWORD);
        assertThatRun(retort.run("current", "--url", "mysql://root:" + PASSWORD + "@db/x")).exitedWith(2)
                .complained("scheme 'mysql'").complained("--url").neverShowed(PASSWORD);
    }

    @Test
    void aPasswordInTheUrlIsMaskedInTheError() {
        RetortCli.Run run = retort.run("upgrade", "--url", "r2dbc:postgresql://postgres:" + PASSWORD + "@127.0.0.1:1/x");

        assertThatRun(run).exitedWith(3).hasNoStackTrace().complained("r2dbc:postgresql://postgres@127.0.0.1:1/x")
                .neverShowed(PASSWORD);
    }

    /** Every way a password can sit in a URL, in human and JSON errors alike. */
    @ParameterizedTest
    @ValueSource(strings = {
            "r2dbc:postgresql://postgres@127.0.0.1:1/x?password=" + PASSWORD,
            "r2dbc:postgresql://postgres@127.0.0.1:1/x?sslMode=disable&password=" + PASSWORD + "&connectTimeout=PT1S",
            "r2dbc:postgresql://postgres:" + PASSWORD + "@x@127.0.0.1:1/x",
            "r2dbc:postgresql://postgres:" + PASSWORD + " x@127.0.0.1:1/x",
            "jdbc:postgresql://127.0.0.1:1/x?user=postgres&password=" + PASSWORD,
            "postgresql://postgres:" + PASSWORD + "@127.0.0.1:1/x"})
    void aPasswordAnywhereInTheUrlNeverShows(String url) {
        for (String output : new String[] {"--no-color", "--json", "--verbose"}) {
            RetortCli.Run run = retort.run("current", "--url", url, output);

            assertThat(run.exitCode()).as(output).isIn(2, 3);
            assertThatRun(run).neverShowed(PASSWORD).neverShowed("s3cr3t");
        }
    }

    @Test
    void aPasswordOptionOrASpaceInTheUrlGetsAHintWithoutTheUrl() {
        assertThatRun(retort.run("current", "--url", "r2dbc:postgresql://postgres@127.0.0.1:1/x?password=" + PASSWORD))
                .exitedWith(2).complained("cannot carry the password as an option").complained("RETORT_PASSWORD");
        assertThatRun(retort.run("current", "--url", "r2dbc:postgresql://postgres:" + PASSWORD + " x@127.0.0.1:1/x"))
                .exitedWith(2).complained("percent-encode");
    }

    @Test
    void aShortPasswordDoesNotMaskOtherWords() {
        RetortCli.Run run = retort.env("RETORT_PASSWORD", "e").run("current", "--url", CLOSED_PORT_URL);

        assertThatRun(run).exitedWith(3).complained("Cannot connect to the database").complained(CLOSED_PORT_URL)
                .neverShowed("****");
    }

    @Test
    void aPasswordEqualToTheUserLeavesTheUserAndSchemeReadable() {
        RetortCli.Run run = retort.run("current", "--url", "r2dbc:postgresql://postgres:postgres@127.0.0.1:1/x");

        assertThatRun(run).exitedWith(3).complained("r2dbc:postgresql://postgres@127.0.0.1:1/x");
    }

    @Test
    void aPasswordFromThePropertiesFileOrEnvironmentNeverShows() throws IOException {
        Files.writeString(workingDirectory.resolve("retort.properties"),
                "url=r2dbc:postgresql://postgres:" + PASSWORD + "@127.0.0.1:1/x\n");
        retort.env("RETORT_PASSWORD", "env-" + PASSWORD);

        assertThatRun(retort.run("check", "--verbose")).exitedWith(3).neverShowed(PASSWORD);
    }

    @Test
    void aConnectRetryWindowEndsInExitThreeWhenTheServerNeverComes() {
        RetortCli.Run run = retort.run("current", "--url", CLOSED_PORT_URL, "--connect-retry", "1s");

        assertThatRun(run).exitedWith(3).hasNoStackTrace().complained("Cannot connect");
    }

    @Test
    void aServerThatNeverAnswersExitsThreeNamingTheHostAfterTheConnectTimeout() {
        RetortCli.Run run = retort.run("current", "--url", silent.url(), "--connect-timeout", "1s");

        assertThatRun(run).exitedWith(3).hasNoStackTrace().complained(silent.address())
                .complained("did not complete the handshake within 1000 ms");
    }

    @Test
    void theConnectTimeoutComesFromTheEnvironmentAndThePropertiesFile() throws IOException {
        assertThatRun(retort.env("RETORT_CONNECT_TIMEOUT", "700ms").run("current", "--url", silent.url()))
                .exitedWith(3).complained("within 700 ms");
        Files.writeString(workingDirectory.resolve("retort.properties"), "connect-timeout=600ms\n");
        assertThatRun(new RetortCli(workingDirectory).run("current", "--url", silent.url()))
                .exitedWith(3).complained("within 600 ms");
    }

    @Test
    void aConnectTimeoutOfZeroIsAUsageError() {
        assertThatRun(retort.run("current", "--connect-timeout", "0s")).exitedWith(2).complained("connect timeout");
    }

    @Test
    void aConnectRetryThatIsNotADurationIsAUsageError() {
        assertThatRun(retort.env("RETORT_CONNECT_RETRY", "soon").run("current"))
                .exitedWith(2).complained("connect retry 'soon'").complained("RETORT_CONNECT_RETRY");
    }

    @ParameterizedTest
    @ValueSource(strings = {"sslMode=bogus", "options=foo", "preparedStatementCacheQueries=many"})
    void anOptionTheDriverCannotUseIsAUsageErrorNamingIt(String option) {
        RetortCli.Run run = retort.run("current", "--url", "r2dbc:postgresql://postgres:" + PASSWORD
                + "@127.0.0.1:1/x?" + option);

        assertThatRun(run).exitedWith(2).hasNoStackTrace().complained("cannot use an option of the URL")
                .complained(option.substring(0, option.indexOf('='))).neverShowed("Unexpected").neverShowed(PASSWORD);
    }

    @Test
    void aMalformedUrlIsAUsageErrorShowingTheExpectedForm() {
        assertThatRun(retort.run("current", "--url", "notaurl")).exitedWith(2).hasNoStackTrace()
                .complained("Not a PostgreSQL URL").complained("r2dbc:postgresql://user@host:5432/database");
    }

    @Test
    void anUnknownHostExitsThreeWithThePasswordMasked() {
        RetortCli.Run run = retort.run("current", "--url",
                "r2dbc:postgresql://postgres:" + PASSWORD + "@no-such-host.invalid:5432/x");

        assertThatRun(run).exitedWith(3).hasNoStackTrace().complained("no-such-host.invalid").neverShowed(PASSWORD);
    }

    @Test
    void aMissingDatabaseExitsThreeWithTheServersMessage() {
        String url = db.url().replace("/" + db.name(), "/no_such_database");

        assertThatRun(retort.run("current", "--url", url)).exitedWith(3).hasNoStackTrace()
                .complained("database \"no_such_database\" does not exist").complained("SQLSTATE 3D000");
    }

    @Test
    void theUserSettingOverridesTheUrlsUser() {
        withRole("LOGIN", role -> {
            RetortCli.Run run = retort.env("RETORT_URL", db.url()).env("RETORT_USER", role).run("stamp", "head");

            assertThatRun(run).succeeded();
            assertThat(db.column("SELECT applied_by FROM retort_history", String.class)).containsExactly(role);
        });
    }

    @Test
    void aWrongPasswordExitsThreeAndIsNeverShown() {
        RetortCli.Run run = retort.run("current", "--url", passwords.url(), "--password", "wrong-password");

        assertThatRun(run).exitedWith(3).hasNoStackTrace().complained("SQLSTATE 28P01").neverShowed("wrong-password");
    }

    @Test
    void theRightPasswordConnects() {
        assertThatRun(retort.env("RETORT_PASSWORD", PasswordCheckingServer.PASSWORD)
                .run("current", "--url", passwords.url())).succeeded().neverShowed(PasswordCheckingServer.PASSWORD);
    }

    /** Runs a test with a role of its own that may create tables, dropped afterwards with all it owns. */
    private static void withRole(String attributes, Consumer<String> test) {
        String role = "retort_cli_" + db.name().substring(db.name().length() - 8);
        db.execute("CREATE ROLE " + role + " " + attributes + "; GRANT CREATE ON SCHEMA public TO " + role
                + "; GRANT CREATE ON DATABASE \"" + db.name() + "\" TO " + role);
        try {
            test.accept(role);
        } finally {
            db.execute("DROP OWNED BY " + role + "; DROP ROLE " + role);
        }
    }

    @Test
    void anUnreachableDatabaseIsNotNeededForOfflineCommands() {
        for (String[] args : new String[][] {{"heads"}, {"history"}, {"show", "head"}, {"branches"},
                {"upgrade", "base:head", "--sql"}}) {
            RetortCli.Run run = retort.env("RETORT_URL", CLOSED_PORT_URL).run(args);

            assertThatRun(run).succeeded();
            assertThat(run.stdout()).isNotEmpty();
        }
    }
}
