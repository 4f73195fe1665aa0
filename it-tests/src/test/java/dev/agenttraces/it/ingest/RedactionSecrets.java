package dev.agenttraces.it.ingest;

import dev.agenttraces.it.support.TaskboardServer;
import dev.agenttraces.it.support.TestDatabase;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Fresh fake secrets of every kind the redaction defaults know (so no other suite's rows can hold them), the
 * OTLP export that carries them in every span attribute ingest stores, and the database searches of
 * {@link RedactionIT}.
 */
final class RedactionSecrets {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    /** kind → the text an agent would send; kind → the part of it that must never be stored. */
    private final Map<String, String> texts = new LinkedHashMap<>();
    private final Map<String, String> parts = new LinkedHashMap<>();

    private RedactionSecrets() {
    }

    static RedactionSecrets fresh() {
        RedactionSecrets s = new RedactionSecrets();
        s.whole("openai", "sk-proj-" + random(ALNUM, 40) + "7");
        s.whole("anthropic", "sk-ant-api03-" + random(ALNUM, 40) + "7");
        s.whole("aws", "AKIA" + random("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567", 16));
        s.whole("github", "ghp_" + random(ALNUM, 36));
        s.whole("github-pat", "github_pat_11" + random(ALNUM, 40));
        s.whole("slack", "xoxb-" + random("0123456789", 12) + "-" + random(ALNUM, 24));
        s.whole("google", "AIza" + random(ALNUM, 35));
        s.whole("jwt", "eyJhbGciOiJIUzI1NiJ9.eyJ" + random(ALNUM, 30) + "." + random(ALNUM, 30));
        String bearer = random(ALNUM, 32) + "9";
        s.texts.put("bearer", "Authorization: Bearer " + bearer);
        s.parts.put("bearer", bearer);
        String password = "pw" + random(ALNUM, 16);
        s.texts.put("url-password", "postgres://app:" + password + "@db.example.com:5432/prod");
        s.parts.put("url-password", password);
        s.whole("email", "agent." + random("abcdefghijklmnopqrstuvwxyz", 12) + "@example.com");
        return s;
    }

    private void whole(String kind, String secret) {
        texts.put(kind, secret);
        parts.put(kind, secret);
    }

    Map<String, String> texts() {
        return texts;
    }

    Map<String, String> secretParts() {
        return parts;
    }

    static String marker(String kind) {
        return switch (kind) {
            case "jwt" -> "[REDACTED:jwt]";
            case "bearer" -> "[REDACTED:bearer-token]";
            case "url-password" -> "[REDACTED:password]";
            case "email" -> "[REDACTED:email]";
            default -> "[REDACTED:api-key]";
        };
    }

    /**
     * One export of one trace: a root agent span failing with a secret in its status message, a chat span with
     * every secret in its system instructions, input and output messages (and reasoning), a tool span with every
     * secret in its arguments and result, failing with one in its error.
     */
    static String otlpExport(long task, long agent, String trace, RedactionSecrets secrets) {
        String all = String.join(" and ", secrets.texts.values());
        String root = hex(8);
        String messages = Json.createArrayBuilder().add(Json.createObjectBuilder().add("role", "user")
                .add("parts", Json.createArrayBuilder().add(Json.createObjectBuilder().add("type", "text")
                        .add("content", "use these:\n" + all)))).build().toString();
        String output = Json.createArrayBuilder().add(Json.createObjectBuilder().add("role", "assistant")
                .add("parts", Json.createArrayBuilder()
                        .add(Json.createObjectBuilder().add("type", "reasoning").add("content", "thinking of " + all))
                        .add(Json.createObjectBuilder().add("type", "text").add("content", "done with\t" + all))))
                .build().toString();
        JsonArrayBuilder spans = Json.createArrayBuilder()
                .add(span(trace, root, null, "invoke_agent", attributes("gen_ai.operation.name", "invoke_agent"),
                        "root failed: " + secrets.texts.get("aws")))
                .add(span(trace, hex(8), root, "chat gpt-4o", attributes("gen_ai.operation.name", "chat",
                        "gen_ai.request.model", "gpt-4o", "gen_ai.system_instructions", "keys: " + all,
                        "gen_ai.input.messages", messages, "gen_ai.output.messages", output), null))
                .add(span(trace, hex(8), root, "execute_tool http_get", attributes("gen_ai.operation.name",
                        "execute_tool", "gen_ai.tool.name", "http_get",
                        "gen_ai.tool.call.arguments", Json.createObjectBuilder().add("headers", all).build().toString(),
                        "gen_ai.tool.call.result", "HTTP 401 for " + all, "error.type", "http_401"),
                        "tool failed: " + all));
        return Json.createObjectBuilder().add("resourceSpans", Json.createArrayBuilder().add(Json.createObjectBuilder()
                .add("resource", Json.createObjectBuilder().add("attributes", attributes(
                        "taskboard.task.id", String.valueOf(task), "taskboard.agent.id", String.valueOf(agent))))
                .add("scopeSpans", Json.createArrayBuilder().add(Json.createObjectBuilder().add("spans", spans)))))
                .build().toString();
    }

    private static jakarta.json.JsonObjectBuilder span(String trace, String id, String parent, String name,
                                                       JsonArrayBuilder attributes, String error) {
        jakarta.json.JsonObjectBuilder span = Json.createObjectBuilder().add("traceId", trace).add("spanId", id)
                .add("name", name).add("kind", 1)
                .add("startTimeUnixNano", "1772442000000000000").add("endTimeUnixNano", "1772442004000000000")
                .add("attributes", attributes);
        if (parent != null) {
            span.add("parentSpanId", parent);
        }
        span.add("status", error == null ? Json.createObjectBuilder().add("code", 1)
                : Json.createObjectBuilder().add("code", 2).add("message", error));
        return span;
    }

    private static JsonArrayBuilder attributes(String... keyValues) {
        JsonArrayBuilder a = Json.createArrayBuilder();
        for (int i = 0; i < keyValues.length; i += 2) {
            a.add(Json.createObjectBuilder().add("key", keyValues[i])
                    .add("value", Json.createObjectBuilder().add("stringValue", keyValues[i + 1])));
        }
        return a;
    }

    static HttpResponse<String> postOtlp(String body, String bearer) {
        return IngestClient.send(HttpRequest.newBuilder(URI.create(TaskboardServer.start() + "/traces/v1/traces"))
                .version(HttpClient.Version.HTTP_1_1) // as OTLP exporters speak it over cleartext
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + bearer)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    /** Every text column of every table in the database ("table.column") holding any of the strings. */
    static List<String> columnsHolding(String secret) {
        List<String> found = new ArrayList<>();
        try (Connection c = TestDatabase.connect()) {
            List<String[]> columns = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("select table_name, column_name from information_schema.columns"
                    + " where table_schema = current_schema() and data_type in ('text', 'character varying', 'json', 'jsonb')");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    columns.add(new String[] {rs.getString(1), rs.getString(2)});
                }
            }
            for (String[] col : columns) {
                String sql = "select count(*) from \"" + col[0] + "\" where position(? in \"" + col[1] + "\"::text) > 0";
                if (TestDatabase.single(c, sql, secret) > 0) {
                    found.add(col[0] + "." + col[1]);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return found;
    }

    /** The trace's steps' text columns and its error message. */
    static List<String> storedTexts(UUID trace) {
        List<String> texts = new ArrayList<>();
        try (Connection c = TestDatabase.connect();
             PreparedStatement ps = c.prepareStatement("select content, tool_name, tool_input, tool_output, messages"
                     + " from trace_step where trace_id = ? order by seq")) {
            ps.setObject(1, trace);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    for (int i = 1; i <= 5; i++) {
                        if (rs.getString(i) != null) {
                            texts.add(rs.getString(i));
                        }
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        texts.add(String.valueOf(traceError(trace)));
        return texts;
    }

    static long stepsWithRedactions(UUID trace) {
        return TestDatabase.single("select count(*) from trace_step where trace_id = ? and redactions > 0", trace);
    }

    static long stepCount(UUID trace) {
        return TestDatabase.single("select count(*) from trace_step where trace_id = ?", trace);
    }

    static String traceError(UUID trace) {
        return TestDatabase.firstOrNull(String.class, "select error_message from trace where id = ?", trace);
    }

    static UUID traceId(String hex) {
        return new UUID(Long.parseUnsignedLong(hex.substring(0, 16), 16), Long.parseUnsignedLong(hex.substring(16), 16));
    }

    static String hex(int bytes) {
        byte[] id = new byte[bytes];
        RANDOM.nextBytes(id);
        id[0] |= 1;
        return HexFormat.of().formatHex(id);
    }

    private static String random(String alphabet, int length) {
        StringBuilder sb = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            sb.append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
        }
        return sb.toString();
    }
}
