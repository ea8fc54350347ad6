package dev.retort.test;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A throwaway PostgreSQL cluster that checks passwords ({@code scram-sha-256}), for the tests that
 * a wrong password is refused: the shared test server trusts every local connection, so it cannot
 * refuse one. Created with the server binaries the machine has ({@code initdb}, {@code pg_ctl}),
 * on a free port, and removed after the test class. When the process runs as root, the cluster
 * runs as the {@code postgres} user, because PostgreSQL refuses to run as root.
 */
public final class PasswordCheckingServer implements BeforeAllCallback, AfterAllCallback {

    /** The superuser's password. */
    public static final String PASSWORD = "right-password";

    private static final long TIMEOUT_SECONDS = 60;

    private Path directory;
    private int port;

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        Path bin = binaries();
        directory = Files.createTempDirectory("retort-pw-cluster");
        Path passwordFile = Files.writeString(directory.resolve("password"), PASSWORD);
        Path data = directory.resolve("data");
        handOver(directory);
        port = freePort();
        run(bin.resolve("initdb").toString(), "-D", data.toString(), "-U", "postgres", "-A", "scram-sha-256",
                "--pwfile=" + passwordFile, "-E", "UTF8", "--no-sync");
        run(bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-w", "-l", directory.resolve("log").toString(),
                "-o", "-p " + port + " -k " + directory + " -c listen_addresses=127.0.0.1 -c fsync=off", "start");
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        if (directory == null) {
            return;
        }
        Path bin = binaries();
        run(bin.resolve("pg_ctl").toString(), "-D", directory.resolve("data").toString(), "-m", "immediate", "stop");
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }

    /** @return an R2DBC URL for the superuser, without the password */
    public String url() {
        return "r2dbc:postgresql://postgres@127.0.0.1:" + port + "/postgres";
    }

    /** @return the port the cluster listens on */
    public int port() {
        return port;
    }

    private static Path binaries() throws IOException {
        Path root = Path.of("/usr/lib/postgresql");
        try (Stream<Path> versions = Files.isDirectory(root) ? Files.list(root) : Stream.empty()) {
            return versions.map(v -> v.resolve("bin")).filter(b -> Files.isExecutable(b.resolve("initdb")))
                    .max(Comparator.naturalOrder())
                    .orElseThrow(() -> new IllegalStateException("No PostgreSQL server binaries (initdb, pg_ctl) under "
                            + root + ": install the distribution's 'postgresql' package to run the password tests."));
        }
    }

    private static boolean isRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    private static void handOver(Path directory) throws IOException, InterruptedException {
        if (isRoot()) {
            run("chown", "-R", "postgres:postgres", directory.toString());
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void run(String... command) throws IOException, InterruptedException {
        List<String> line = new ArrayList<>();
        if (isRoot() && !command[0].equals("chown")) {
            line.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        line.addAll(List.of(command));
        Process process = new ProcessBuilder(line).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException("Could not run " + String.join(" ", line) + ":\n" + output);
        }
    }
}
