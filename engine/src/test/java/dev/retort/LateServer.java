package dev.retort;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;

/**
 * A TCP forwarder to the test server that starts listening only after a delay: a database that
 * is "not up yet" when the application starts, as with containers started side by side.
 */
final class LateServer implements AutoCloseable {

    private final int port;
    private final Thread acceptor;
    private volatile ServerSocket socket;

    LateServer(String targetHost, int targetPort, Duration delay) throws IOException {
        try (ServerSocket probe = new ServerSocket(0)) {
            port = probe.getLocalPort();
        }
        acceptor = new Thread(() -> serve(targetHost, targetPort, delay), "late-server");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    int port() {
        return port;
    }

    private void serve(String host, int targetPort, Duration delay) {
        try {
            Thread.sleep(delay.toMillis());
            socket = new ServerSocket();
            socket.bind(new InetSocketAddress("127.0.0.1", port));
            while (!socket.isClosed()) {
                Socket client = socket.accept();
                Socket upstream = new Socket(host, targetPort);
                pump(client.getInputStream(), upstream.getOutputStream());
                pump(upstream.getInputStream(), client.getOutputStream());
            }
        } catch (IOException | InterruptedException e) {
            // closed: the test is over
        }
    }

    private static void pump(InputStream in, OutputStream out) {
        Thread thread = new Thread(() -> {
            try (in; out) {
                in.transferTo(out);
            } catch (IOException e) {
                // one side closed the connection
            }
        }, "late-server-pump");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public void close() throws IOException {
        acceptor.interrupt();
        if (socket != null) {
            socket.close();
        }
    }
}
