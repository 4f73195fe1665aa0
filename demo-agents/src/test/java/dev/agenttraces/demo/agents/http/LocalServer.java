package dev.agenttraces.demo.agents.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

/** A real HTTP server on a free loopback port, standing in for the host or the plugin in a unit test. */
public final class LocalServer implements AutoCloseable {

    private final HttpServer server;

    public LocalServer() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Answers requests under {@code path} with {@code handler}. */
    public LocalServer on(String path, HttpHandler handler) {
        server.createContext(path, handler);
        return this;
    }

    /** Starts listening; returns the base URL, e.g. http://127.0.0.1:41234. */
    public String start() {
        server.start();
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Answers the exchange with {@code status} and a JSON body. */
    public static void answer(HttpExchange exchange, int status, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
