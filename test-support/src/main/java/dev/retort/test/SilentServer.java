package dev.retort.test;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A server that accepts TCP connections and never answers, as an overloaded proxy or a firewall
 * that drops packets does: the connection opens, the handshake never completes. For the tests
 * that a connect timeout ends the wait.
 */
public final class SilentServer implements BeforeAllCallback, AfterAllCallback {

    private final List<Socket> accepted = new CopyOnWriteArrayList<>();
    private ServerSocket socket;

    @Override
    public void beforeAll(ExtensionContext context) throws IOException {
        socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::acceptForever, "silent-server");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    @Override
    public void afterAll(ExtensionContext context) throws IOException {
        socket.close();
        for (Socket connection : accepted) {
            connection.close();
        }
    }

    /** @return an R2DBC URL of this server */
    public String url() {
        return "r2dbc:postgresql://postgres@127.0.0.1:" + socket.getLocalPort() + "/postgres";
    }

    /** @return the {@code host:port} the server listens on */
    public String address() {
        return "127.0.0.1:" + socket.getLocalPort();
    }

    /** @return how many connections it has accepted so far */
    public int acceptedConnections() {
        return accepted.size();
    }

    private void acceptForever() {
        try {
            while (!socket.isClosed()) {
                accepted.add(socket.accept());
            }
        } catch (IOException closed) {
            // afterAll closed the socket: the server is done
        }
    }
}
