package dev.agenttraces.it.ingest;

import dev.agenttraces.it.support.TaskboardServer;
import dev.agenttraces.it.support.TestDatabase;
import dev.agenttraces.it.support.TestHttp;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.UUID;

/**
 * The ingest API as an agent sees it, over real HTTP against host + plugin on Payara Micro. Ingest
 * tokens are written straight into the database (hashed, as the plugin stores them), so each test owns
 * its credentials.
 */
public final class IngestClient {

    static final HttpClient HTTP = TestHttp.builder().connectTimeout(Duration.ofSeconds(10)).build();

    private IngestClient() {
    }

    public static String api() {
        return TaskboardServer.start() + "/traces/api/v1";
    }

    /** Creates an ingest token bound to the given agents (or to all agents) and returns its clear value. */
    public static String token(boolean allAgents, long... agentIds) {
        TaskboardServer.start(); // the plugin creates the token tables on deployment
        return tokenInDatabase(allAgents, agentIds);
    }

    /**
     * As {@link #token}, without starting the suites' server: for tests whose own server has deployed the
     * plugin (which created the token tables) on the same database.
     */
    public static String tokenInDatabase(boolean allAgents, long... agentIds) {
        String token = "test_" + UUID.randomUUID() + UUID.randomUUID();
        try (Connection c = TestDatabase.connect()) {
            long id;
            try (PreparedStatement ps = c.prepareStatement("insert into ingest_token (name, token_hash, all_agents)"
                    + " values (?, ?, ?)", Statement.RETURN_GENERATED_KEYS)) {
                ps.setString(1, name(token));
                ps.setString(2, sha256(token));
                ps.setBoolean(3, allAgents);
                ps.executeUpdate();
                try (ResultSet keys = ps.getGeneratedKeys()) {
                    keys.next();
                    id = keys.getLong("id");
                }
            }
            for (long agent : agentIds) {
                try (PreparedStatement ps = c.prepareStatement("insert into ingest_token_agent values (?, ?)")) {
                    ps.setLong(1, id);
                    ps.setLong(2, agent);
                    ps.executeUpdate();
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return token;
    }

    /** The name {@link #token} gives the token it creates. */
    static String name(String token) {
        return "it " + token.substring(5, 13);
    }

    /** Binds the token to these boards only: it may then write on their tasks and on no other board's. */
    public static void bindToBoards(String token, long... boardIds) {
        String id = "(select id from ingest_token where token_hash = '" + sha256(token) + "')"; // hex: safe inline
        try (Connection c = TestDatabase.connect(); Statement s = c.createStatement()) {
            s.addBatch("update ingest_token set all_boards = false where id = " + id);
            for (long board : boardIds) {
                s.addBatch("insert into ingest_token_board (token_id, board_id) values (" + id + ", " + board + ")");
            }
            s.executeBatch();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    static void revoke(String token) {
        try (Connection c = TestDatabase.connect();
             PreparedStatement ps = c.prepareStatement("update ingest_token set revoked_at = current_timestamp where token_hash = ?")) {
            ps.setString(1, sha256(token));
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public static HttpResponse<String> post(String path, String token, String body) {
        return post(api(), path, token, body);
    }

    /** As {@link #post(String, String, String)}, to the API at {@code apiBase} (another server on the same database). */
    public static HttpResponse<String> post(String apiBase, String path, String token, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(apiBase + path))
                .timeout(Duration.ofSeconds(120))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return send(request.build());
    }

    public static HttpResponse<String> get(String path, String bearer) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(api() + path)).timeout(Duration.ofSeconds(60));
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        return send(request.build());
    }

    public static HttpResponse<String> send(HttpRequest request) {
        return send(HTTP, request);
    }

    /** Sends through {@code client} (another HTTP version, say), failures as unchecked exceptions. */
    public static HttpResponse<String> send(HttpClient client, HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static JsonObject json(HttpResponse<String> response) {
        return Json.createReader(new StringReader(response.body())).readObject();
    }

    public static String startBody(UUID id, long taskId, long agentId) {
        JsonObjectBuilder body = Json.createObjectBuilder().add("taskId", taskId).add("agentId", agentId);
        if (id != null) {
            body.add("id", id.toString());
        }
        return body.build().toString();
    }

    /** Starts a trace with a fresh client id and returns the id. */
    public static UUID start(String token, long taskId, long agentId) {
        UUID id = UUID.randomUUID();
        HttpResponse<String> r = post("/traces", token, startBody(id, taskId, agentId));
        if (r.statusCode() != 201) {
            throw new AssertionError("start failed: " + r.statusCode() + " " + r.body());
        }
        return id;
    }

    /** A valid step object; callers override fields with {@code add}. */
    public static JsonObjectBuilder step(int seq) {
        return Json.createObjectBuilder()
                .add("seq", seq)
                .add("type", seq % 2 == 0 ? "reasoning" : "tool_call")
                .add("content", "thinking about step " + seq)
                .add("toolName", "grep")
                .add("toolInput", Json.createObjectBuilder().add("pattern", "TODO").add("n", seq))
                .add("model", "test-model")
                .add("inputTokens", 100 + seq)
                .add("outputTokens", 10 + seq)
                .add("cachedInputTokens", 5)
                .add("reasoningTokens", 2)
                .add("startedAt", Instant.parse("2026-01-01T00:00:00Z").plusMillis(seq).toString())
                .add("durationMs", 7);
    }

    public static String batch(JsonObjectBuilder... steps) {
        JsonArrayBuilder array = Json.createArrayBuilder();
        for (JsonObjectBuilder s : steps) {
            array.add(s);
        }
        return Json.createObjectBuilder().add("steps", array).build().toString();
    }

    public static HttpResponse<String> append(String token, UUID traceId, String body) {
        return post("/traces/" + traceId + "/steps", token, body);
    }
}
