package dev.agenttraces.it.security;

import dev.agenttraces.it.security.HostileInputIT.Case;
import dev.agenttraces.it.support.TestHttp;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The hostile OTLP/HTTP exports of {@link HostileInputIT} ({@code POST /traces/v1/traces}, answered as OTLP
 * wants: a {@code google.rpc.Status} for a refused request, 200 with {@code partialSuccess} naming each refused
 * span). Every export here holds one span that must be refused, so none stores anything: undecodable protobuf,
 * wrong content types and encodings, NUL and lone surrogates, megabyte attributes, an agent the token is not
 * bound to, missing and bad task ids. A case's {@code field} is what the refusal's message must name.
 */
record HostileOtlp(HostileCases f) {

    static final String PATH = "/traces/v1/traces";
    private static final HttpClient HTTP = TestHttp.builder()
            .connectTimeout(Duration.ofSeconds(10)).build();

    void all(Map<String, Case> c) {
        requests(c);
        spans(c);
    }

    /** Whole exports refused before any span is read. */
    private void requests(Map<String, Case> c) {
        String ok = export(f.agent, "chat", "");
        raw(c, "protobuf with an invalid wire type", new byte[] {0x0f, 0x01}, "application/x-protobuf", null, f.token, 400);
        raw(c, "protobuf with a length past its end", new byte[] {0x0a, (byte) 0xff, (byte) 0xff, 0x7f, 0x0a}, "application/x-protobuf",
                null, f.token, 400);
        raw(c, "protobuf of a JSON body", bytes(ok), "application/x-protobuf", null, f.token, 400);
        raw(c, "content type text/plain", bytes(ok), "text/plain", null, f.token, 415);
        raw(c, "content type application/xml", bytes(ok), "application/xml", null, f.token, 415);
        raw(c, "encoding br", bytes(ok), "application/json", "br", f.token, 415);
        raw(c, "gzip encoding of a plain body", bytes(ok), "application/json", "gzip", f.token, 400);
        raw(c, "JSON malformed", bytes("{\"resourceSpans\": ["), "application/json", null, f.token, 400);
        raw(c, "JSON nested 100,000 deep", bytes("{\"resourceSpans\": " + "[".repeat(100_000) + "]".repeat(100_000) + "}"),
                "application/json", null, f.token, 400);
        raw(c, "no token", bytes(ok), "application/json", null, null, 401);
        raw(c, "unknown token", bytes(ok), "application/json", null, "at_nope", 401);
    }

    /** Exports that decode, with their one span refused by name. */
    private void spans(Map<String, Case> c) {
        span(c, "span name with NUL", export(f.agent, "chat\\u0000", ""), "the span name");
        span(c, "span name with a lone surrogate", export(f.agent, "chat\\ud800", ""), "the span name");
        span(c, "a megabyte token count", export(f.agent, "chat", attribute("gen_ai.usage.input_tokens", "9".repeat(1 << 20))),
                "gen_ai.usage.input_tokens");
        span(c, "two megabytes of tool arguments ending in NUL", export(f.agent, "execute_tool x",
                attribute("gen_ai.operation.name", "execute_tool") + "," + attribute("gen_ai.tool.call.arguments",
                        "a".repeat(2 << 20) + "\\u0000")), "gen_ai.tool.call.arguments");
        span(c, "a megabyte model name with a lone surrogate", export(f.agent, "chat",
                attribute("gen_ai.request.model", "m".repeat(1 << 20) + "\\udc00")), "gen_ai.request.model");
        span(c, "an agent the token is not bound to", export(f.otherAgent, "chat", ""), "may not write for agent " + f.otherAgent);
        span(c, "task id not a number", export(f.agent, "chat", "").replace("\"intValue\": \"" + f.taskA + "\"",
                "\"stringValue\": \"one\""), "taskboard.task.id");
        span(c, "task id beyond long", export(f.agent, "chat", "").replace("\"intValue\": \"" + f.taskA + "\"",
                "\"stringValue\": \"99999999999999999999\""), "taskboard.task.id");
        span(c, "ends before it starts", export(f.agent, "chat", "").replace("\"endTimeUnixNano\": \"1772442003000000000\"",
                "\"endTimeUnixNano\": \"1000\""), "endTimeUnixNano");
        span(c, "an all-zero trace id", export(f.agent, "chat", "").replaceFirst("\"traceId\": \"[0-9a-f]{32}\"",
                "\"traceId\": \"" + "0".repeat(32) + "\""), "invalid traceId");
    }

    private void raw(Map<String, Case> c, String name, byte[] body, String type, String encoding, String token, int status) {
        c.put("otlp: " + name, new Case(() -> post(body, type, encoding, token), status, null));
    }

    private void span(Map<String, Case> c, String name, String body, String names) {
        c.put("otlp span: " + name, new Case(() -> post(bytes(body), "application/json", null, f.token), 200, names));
    }

    /** One export of one chat span on the suite's task A, for {@code agent}, with extra span attributes. */
    private String export(long agent, String spanName, String attributes) {
        return """
                {"resourceSpans": [{"resource": {"attributes": [
                    {"key": "taskboard.task.id", "value": {"intValue": "%d"}},
                    {"key": "taskboard.agent.id", "value": {"intValue": "%d"}}]},
                  "scopeSpans": [{"spans": [{"traceId": "%s", "spanId": "%s", "name": "%s", "kind": 3,
                    "startTimeUnixNano": "1772442001000000000", "endTimeUnixNano": "1772442003000000000",
                    "attributes": [%s]}]}]}]}
                """.formatted(f.taskA, agent, hex(16), hex(8), spanName, attributes);
    }

    private static String attribute(String key, String value) {
        return "{\"key\": \"" + key + "\", \"value\": {\"stringValue\": \"" + value + "\"}}";
    }

    private HttpResponse<String> post(byte[] body, String type, String encoding, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(f.base + PATH)).timeout(Duration.ofSeconds(120))
                .header("Content-Type", type).POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (encoding != null) {
            request.header("Content-Encoding", encoding);
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String hex(int bytes) {
        byte[] id = new byte[bytes];
        ThreadLocalRandom.current().nextBytes(id);
        id[0] |= 1;
        return HexFormat.of().formatHex(id);
    }
}
