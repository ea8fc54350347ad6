package dev.retort.test.database;

import io.r2dbc.spi.ConnectionFactoryOptions;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.utility.DockerImageName;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;

/**
 * Finds the PostgreSQL server the tests use, once per JVM, in this order: the
 * {@code RETORT_TEST_URL} environment variable; a server answering on {@code 127.0.0.1:5432}
 * (user {@code postgres}, trust auth); a Testcontainers PostgreSQL container when Docker is
 * available. Otherwise the tests fail with a message saying how to provide one: a missing
 * server must never turn into skipped tests.
 */
public final class TestServer {

    /** The environment variable that names the server: an R2DBC URL of a role that may create databases. */
    public static final String ENV = "RETORT_TEST_URL";
    private static final String LOCAL_URL = "r2dbc:postgresql://postgres@127.0.0.1:5432/postgres";
    private static final int CONNECT_TIMEOUT_MS = 1_000;

    private static ConnectionFactoryOptions admin;
    private static String description;

    private TestServer() {
    }

    /** @return options for an administrative connection (may create and drop databases) */
    public static synchronized ConnectionFactoryOptions admin() {
        if (admin == null) {
            admin = locate();
        }
        return admin;
    }

    /** @return where the server came from, for diagnostics */
    public static synchronized String description() {
        admin();
        return description;
    }

    private static ConnectionFactoryOptions locate() {
        String url = System.getenv(ENV);
        if (url != null && !url.isBlank()) {
            description = ENV;
            return ConnectionFactoryOptions.parse(url);
        }
        if (answers("127.0.0.1", 5432)) {
            description = "local server on 127.0.0.1:5432";
            return ConnectionFactoryOptions.parse(LOCAL_URL);
        }
        if (dockerAvailable()) {
            description = "Testcontainers";
            return startContainer();
        }
        throw new IllegalStateException("No PostgreSQL server for the tests. Set " + ENV
                + "=r2dbc:postgresql://user:password@host:5432/postgres (a role that may create databases), start a"
                + " server on 127.0.0.1:5432 with user 'postgres' and trust authentication, or start Docker so that"
                + " Testcontainers can run one.");
    }

    private static boolean answers(String host, int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), CONNECT_TIMEOUT_MS);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static boolean dockerAvailable() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }

    // A plain container from Testcontainers' core, whose API is the same in 1.x and 2.x: an
    // application's BOM (Micronaut's manages 1.x) then picks the version, and nothing breaks.
    @SuppressWarnings("resource") // lives as long as the JVM; Testcontainers' reaper removes it
    private static ConnectionFactoryOptions startContainer() {
        GenericContainer<?> container = new GenericContainer<>(DockerImageName.parse("postgres:16-alpine"))
                .withEnv("POSTGRES_HOST_AUTH_METHOD", "trust")
                .withExposedPorts(5432)
                // The image's entry point starts the server twice: once to initialise, then for good.
                .waitingFor(Wait.forLogMessage(".*database system is ready to accept connections.*\\n", 2));
        container.start();
        return ConnectionFactoryOptions.parse("r2dbc:postgresql://postgres@" + container.getHost() + ":"
                + container.getMappedPort(5432) + "/postgres");
    }
}
