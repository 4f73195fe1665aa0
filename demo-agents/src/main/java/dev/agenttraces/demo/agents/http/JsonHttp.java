package dev.agenttraces.demo.agents.http;

import jakarta.json.Json;
import jakarta.json.JsonStructure;

import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * JSON over {@code java.net.http} with a Bearer token, as any outside client would call the host and the
 * plugin. Connection failures are retried a few times (the server may be busy on a shared machine);
 * HTTP statuses are the caller's to judge, since 204, 207 and 409 all mean something here.
 */
public final class JsonHttp {

    private static final int ATTEMPTS = 4;

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String token;

    public JsonHttp(String token) {
        this.token = token;
    }

    public HttpResponse<String> get(String url) {
        return send(request(url).GET().build());
    }

    public HttpResponse<String> post(String url, String json) {
        return send(request(url).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    /** Posts raw bytes with {@code contentType}, e.g. to ask whether an OTLP receiver is there. */
    public HttpResponse<String> post(String url, String contentType, byte[] body) {
        return send(request(url).header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofByteArray(body)).build());
    }

    public static JsonStructure parse(String body) {
        try (var reader = Json.createReader(new StringReader(body))) {
            return reader.read();
        }
    }

    private HttpRequest.Builder request(String url) {
        return HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(120)).header("Authorization", "Bearer " + token);
    }

    private HttpResponse<String> send(HttpRequest request) {
        IOException last = null;
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            try {
                return client.send(request, HttpResponse.BodyHandlers.ofString());
            } catch (IOException e) {
                last = e;
                sleep(attempt * 1_000L);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted calling " + request.uri(), e);
            }
        }
        throw new IllegalStateException("No answer from " + request.uri() + " after " + ATTEMPTS + " attempts", last);
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
