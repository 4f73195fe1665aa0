package dev.agenttraces.it.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A TCP relay on 127.0.0.1. Between a server under test and PostgreSQL it lets a test take the database away as a
 * restart does, without the rights to restart it: {@link #cut()} closes every relayed connection (the server's
 * pooled connections break mid-use, "This connection has been closed") and stops listening (new connections are
 * refused, SQLState 08001), and {@link #resume()} listens again on the same port, as the database coming back.
 * In front of clustered servers it is their load balancer with failover ({@link #firstAlive}): each new
 * connection goes to the first upstream that accepts it, so once a server is gone the next one takes its clients.
 */
public final class TcpRelay implements AutoCloseable {

    private final int port;
    private final String upstreamHost;
    private final List<Integer> upstreamPorts;
    private final List<Socket> open = new CopyOnWriteArrayList<>();
    private volatile ServerSocket listener;

    public TcpRelay(int port, String upstreamHost, int upstreamPort) {
        this(port, upstreamHost, List.of(upstreamPort));
    }

    private TcpRelay(int port, String upstreamHost, List<Integer> upstreamPorts) {
        this.port = port;
        this.upstreamHost = upstreamHost;
        this.upstreamPorts = List.copyOf(upstreamPorts);
        resume();
    }

    /** A relay that sends each new connection to the first of {@code upstreamPorts} (on 127.0.0.1) that accepts it. */
    public static TcpRelay firstAlive(int port, List<Integer> upstreamPorts) {
        return new TcpRelay(port, "127.0.0.1", upstreamPorts);
    }

    public int port() {
        return port;
    }

    /** Starts listening (again). */
    public synchronized void resume() {
        try {
            ServerSocket socket = new ServerSocket();
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress("127.0.0.1", port));
            listener = socket;
            Thread accept = new Thread(() -> accept(socket), "tcp-relay-accept");
            accept.setDaemon(true);
            accept.start();
        } catch (IOException e) {
            throw new IllegalStateException("Cannot listen on " + port, e);
        }
    }

    /** Drops every relayed connection and refuses new ones until {@link #resume()}. */
    public synchronized void cut() {
        closeQuietly(listener);
        for (Socket s : open) {
            closeQuietly(s);
        }
        open.clear();
    }

    @Override
    public void close() {
        cut();
    }

    private void accept(ServerSocket socket) {
        while (!socket.isClosed()) {
            try {
                Socket client = socket.accept();
                Socket upstream = connect(client);
                open.add(client);
                open.add(upstream);
                pipe(client, upstream);
                pipe(upstream, client);
            } catch (IOException e) {
                // closed by cut(), or one connection failed: the next accept decides
            }
        }
    }

    /** The first upstream that accepts; with none, the client's connection is closed and the failure thrown. */
    private Socket connect(Socket client) throws IOException {
        IOException last = null;
        for (int upstreamPort : upstreamPorts) {
            try {
                return new Socket(upstreamHost, upstreamPort);
            } catch (IOException e) {
                last = e;
            }
        }
        closeQuietly(client);
        throw last;
    }

    private void pipe(Socket from, Socket to) {
        Thread t = new Thread(() -> {
            byte[] buffer = new byte[16 * 1024];
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                for (int n; (n = in.read(buffer)) >= 0; ) {
                    out.write(buffer, 0, n);
                    out.flush();
                }
            } catch (IOException e) {
                // the other side or cut() closed it
            } finally {
                closeQuietly(from);
                closeQuietly(to);
                open.remove(from);
                open.remove(to);
            }
        }, "tcp-relay-pipe");
        t.setDaemon(true);
        t.start();
    }

    private static void closeQuietly(AutoCloseable c) {
        try {
            if (c != null) {
                c.close();
            }
        } catch (Exception e) {
            // already closed
        }
    }
}
