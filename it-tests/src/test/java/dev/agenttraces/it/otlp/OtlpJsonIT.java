package dev.agenttraces.it.otlp;

import dev.agenttraces.it.ingest.IngestClient;
import dev.agenttraces.it.ingest.IngestSuite;
import dev.agenttraces.it.support.Fixtures;
import dev.agenttraces.it.support.OversizeBody;
import dev.agenttraces.it.support.TaskboardServer;
import dev.agenttraces.it.support.TestHttp;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.zip.GZIPOutputStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * OTLP/JSON bodies written by hand to the OTLP JSON encoding rules (hex ids, int64 values as strings, enums as
 * integers, lowerCamelCase keys, unknown fields), since the SDK's exporter only speaks protobuf over HTTP; and
 * the receiver's answers: partial success naming the refused span, 401, 400, 413 and 415 with a Status body.
 */
class OtlpJsonIT extends IngestSuite {

    OtlpJsonIT() {
        super("OTLP JSON", "gpt-4o", "openai");
    }

    /** HTTP/1.1, as OTLP exporters speak it over cleartext. */
    private static final HttpClient HTTP = TestHttp.client();

    @Test
    void storesTheAcceptedSpansAndRefusesTheOneWithoutATask() {
        String trace = hex(16);
        String root = hex(8);
        String chat = hex(8);
        String orphan = hex(8);
        String body = """
                {"resourceSpans": [
                  {"resource": {"attributes": [
                      {"key": "taskboard.task.id", "value": {"intValue": "%d"}},
                      {"key": "taskboard.agent.id", "value": {"stringValue": "%d"}}]},
                   "scopeSpans": [{"scope": {"name": "agent"}, "spans": [
                     {"traceId": "%s", "spanId": "%s", "name": "chat gpt-4o", "kind": 3, "parentSpanId": "%s",
                      "startTimeUnixNano": "1772442001000000000", "endTimeUnixNano": "1772442003500000000",
                      "someFutureField": {"x": 1},
                      "attributes": [
                        {"key": "gen_ai.operation.name", "value": {"stringValue": "chat"}},
                        {"key": "gen_ai.request.model", "value": {"stringValue": "gpt-4o"}},
                        {"key": "gen_ai.usage.input_tokens", "value": {"intValue": "1200"}},
                        {"key": "gen_ai.usage.cache_read.input_tokens", "value": {"intValue": 400}},
                        {"key": "gen_ai.usage.output_tokens", "value": {"intValue": "100"}},
                        {"key": "gen_ai.input.messages", "value": {"stringValue": "[{\\"role\\":\\"user\\",\\"parts\\":[{\\"type\\":\\"text\\",\\"content\\":\\"<b>hi</b>\\"}]}]"}}],
                      "status": {"code": 1}},
                     {"traceId": "%s", "spanId": "%s", "name": "invoke_agent", "kind": 1,
                      "startTimeUnixNano": "1772442000000000000", "endTimeUnixNano": "1772442004000000000",
                      "attributes": [{"key": "gen_ai.operation.name", "value": {"stringValue": "invoke_agent"}}],
                      "status": {"code": 2, "message": "ran out of budget"}}]}]},
                  {"resource": {"attributes": [{"key": "service.name", "value": {"stringValue": "unlabelled"}}]},
                   "scopeSpans": [{"spans": [
                     {"traceId": "%s", "spanId": "%s", "name": "chat", "startTimeUnixNano": "1772442001000000000",
                      "attributes": [{"key": "gen_ai.operation.name", "value": {"stringValue": "chat"}}]}]}]}]}
                """.formatted(task, agent, trace.toUpperCase(), chat, root, trace, root, trace, orphan);

        HttpResponse<String> answer = post(body.getBytes(StandardCharsets.UTF_8), "application/json", null, token);
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
        JsonObject partial = json(answer).getJsonObject("partialSuccess");
        assertThat(partial.getString("rejectedSpans")).as("int64 as a string").isEqualTo("1");
        assertThat(partial.getString("errorMessage")).contains(orphan, "taskboard.task.id");

        UUID traceId = StoredSpans.traceId(trace);
        List<StoredSpans.Step> steps = StoredSpans.steps(traceId);
        StoredSpans.Step llm = StoredSpans.ofSpan(steps, chat);
        assertThat(llm.type()).isEqualTo("LLM_CALL");
        assertThat(List.of(llm.input(), llm.cached(), llm.output())).containsExactly(800L, 400L, 100L);
        // gpt-4o: $2.50 input, $1.25 cached, $10 output per 1M.
        assertThat(llm.cost()).isEqualByComparingTo("0.0035");
        assertThat(llm.messages()).contains("<b>hi</b>");
        StoredSpans.Step error = StoredSpans.ofSpan(steps, root);
        assertThat(error.type()).as("the failed root is the trace; its error is a step").isEqualTo("ERROR");
        assertThat(error.content()).contains("ran out of budget");

        StoredSpans.Trace stored = StoredSpans.trace(traceId).orElseThrow();
        assertThat(stored.status()).isEqualTo("FAILED");
        assertThat(stored.errors()).isEqualTo(1);
        assertThat(stored.durationMs()).isEqualTo(4_000L);
        assertThat(stored.cost()).isEqualByComparingTo("0.0035");

        // The same export again, gzip-compressed: nothing is counted twice.
        HttpResponse<String> again = post(gzip(body), "application/json; charset=utf-8", "gzip", token);
        assertThat(again.statusCode()).as(again.body()).isEqualTo(200);
        assertThat(StoredSpans.trace(traceId).orElseThrow()).isEqualTo(stored);

        // The span re-sent with other content replaces its step, and the totals move by the difference.
        String changed = body.replace("{\"intValue\": \"100\"}", "{\"intValue\": \"200\"}");
        assertThat(changed).isNotEqualTo(body);
        assertThat(post(changed.getBytes(StandardCharsets.UTF_8), "application/json", null, token).statusCode()).isEqualTo(200);
        StoredSpans.Trace replaced = StoredSpans.trace(traceId).orElseThrow();
        assertThat(replaced.steps()).isEqualTo(2);
        assertThat(replaced.output()).isEqualTo(200);
        assertThat(replaced.cost()).isEqualByComparingTo("0.0045");
        assertThat(StoredSpans.ofSpan(StoredSpans.steps(traceId), chat).seq()).isEqualTo(llm.seq());
    }

    @Test
    void refusesWhatItCannotTakeWithTheOtlpStatuses() throws Exception {
        byte[] empty = "{}".getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> unauthorised = post(empty, "application/json", null, "not-a-token");
        assertThat(unauthorised.statusCode()).isEqualTo(401);
        assertThat(json(unauthorised).getInt("code")).as("UNAUTHENTICATED").isEqualTo(16);

        assertThat(post(empty, "application/json", null, token).statusCode()).as("an empty export is fine").isEqualTo(200);
        HttpResponse<String> malformed = post("{\"resourceSpans\": [".getBytes(StandardCharsets.UTF_8), "application/json", null, token);
        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(json(malformed).getString("message")).isNotBlank();
        assertThat(post(empty, "text/plain", null, token).statusCode()).isEqualTo(415);
        assertThat(post(empty, "application/json", "br", token).statusCode()).isEqualTo(415);
        assertThat(post(new byte[] {1, 2, 3}, "application/x-protobuf", null, token).statusCode()).isEqualTo(400);

        OversizeBody.Head tooLarge = OversizeBody.declare("/traces/v1/traces", token, "application/x-protobuf", "\n");
        assertThat(tooLarge.status()).startsWith("HTTP/1.1 413");
        assertThat(tooLarge.headers()).contains("content-type: application/x-protobuf");
    }

    @Test
    void refusesSpansOfAnAgentTheTokenIsNotBoundTo() {
        long other = Fixtures.agent(Fixtures.unique("Other agent"), "gpt-4o", "openai");
        String span = hex(8);
        String body = """
                {"resourceSpans": [{"resource": {"attributes": [
                    {"key": "taskboard.task.id", "value": {"intValue": "%d"}},
                    {"key": "taskboard.agent.id", "value": {"intValue": "%d"}}]},
                  "scopeSpans": [{"spans": [{"traceId": "%s", "spanId": "%s", "name": "chat",
                    "startTimeUnixNano": "1772442001000000000"}]}]}]}
                """.formatted(task, other, hex(16), span);
        HttpResponse<String> answer = post(body.getBytes(StandardCharsets.UTF_8), "application/json", null, token);
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(json(answer).getJsonObject("partialSuccess").getString("errorMessage"))
                .contains(span, "may not write for agent " + other);
    }

    @Test
    void spansThatOverflowTheTraceTotalAreRefusedPerSpan() {
        String trace = hex(16);
        String first = hex(8);
        String second = hex(8);
        long fiveExa = 5_000_000_000_000_000_000L;
        JsonObject partial = json(export(task, chat(trace, first, fiveExa), chat(trace, second, fiveExa)))
                .getJsonObject("partialSuccess");
        assertThat(partial.getString("rejectedSpans")).as("the one that does not fit, not the export").isEqualTo("1");
        assertThat(partial.getString("errorMessage")).contains(second, "token total would exceed").doesNotContain(first);

        String third = hex(8);
        JsonObject again = json(export(task, chat(trace, third, fiveExa), chat(trace, hex(8), 25)))
                .getJsonObject("partialSuccess");
        assertThat(again.getString("rejectedSpans")).as("in a later export too: no bigint overflow").isEqualTo("1");
        assertThat(again.getString("errorMessage")).contains(third);
        StoredSpans.Trace stored = StoredSpans.trace(StoredSpans.traceId(trace)).orElseThrow();
        assertThat(stored.input()).isEqualTo(fiveExa + 25);
        assertThat(stored.steps()).isEqualTo(2);
    }

    @Test
    void aBoardBoundTokenWritesNoSpanOnAnotherBoard() {
        long otherBoard = Fixtures.board(Fixtures.unique("OTLP other board"));
        long otherTask = Fixtures.reviewedTask(otherBoard, agent, "OTLP other board's task", "done");
        IngestClient.bindToBoards(token, board);

        String trace = hex(16);
        String span = hex(8);
        JsonObject refused = json(export(otherTask, chat(trace, span, 10))).getJsonObject("partialSuccess");
        assertThat(refused.getString("rejectedSpans")).isEqualTo("1");
        assertThat(refused.getString("errorMessage")).contains(span, "no task " + otherTask, "taskboard.task.id");
        assertThat(StoredSpans.trace(StoredSpans.traceId(trace))).as("no trace row").isEmpty();

        // another board's existing trace: a span naming the token's own task still may not join it
        String foreign = hex(16);
        String allBoards = IngestClient.token(true);
        assertThat(exportAs(allBoards, otherTask, chat(foreign, hex(8), 10)).body()).isEqualTo("{}");
        String joining = hex(8);
        JsonObject joined = json(export(task, chat(foreign, joining, 99))).getJsonObject("partialSuccess");
        assertThat(joined.getString("rejectedSpans")).isEqualTo("1");
        assertThat(joined.getString("errorMessage")).contains(joining, "no trace");
        StoredSpans.Trace stored = StoredSpans.trace(StoredSpans.traceId(foreign)).orElseThrow();
        assertThat(List.of(stored.taskId(), stored.steps(), stored.input())).containsExactly(otherTask, 1, 10L);

        String own = hex(16);
        assertThat(export(task, chat(own, hex(8), 10)).body()).as("its own board's task: stored").isEqualTo("{}");
        assertThat(StoredSpans.trace(StoredSpans.traceId(own))).isPresent();
    }

    /**
     * An agent loop that makes the tool span a sibling of its LLM call: the tool call is stored under the LLM call
     * whose output asked for its call id, with that id; a tool nobody asked for stays under the agent, and the
     * moved span re-sent alone is a duplicate that stays where it is.
     */
    @Test
    void aToolSpanBesideTheLlmCallThatAskedForItIsStoredUnderThatCall() {
        String trace = hex(16);
        UUID traceId = StoredSpans.traceId(trace);
        String root = hex(8);
        String chat = hex(8);
        String asked = hex(8);
        String unasked = hex(8);
        String agentSpan = """
                {"traceId": "%s", "spanId": "%s", "name": "invoke_agent", "startTimeUnixNano": "1772442000000000000",
                 "endTimeUnixNano": "1772442009000000000",
                 "attributes": [{"key": "gen_ai.operation.name", "value": {"stringValue": "invoke_agent"}}]}""".formatted(trace, root);
        String llm = """
                {"traceId": "%s", "spanId": "%s", "parentSpanId": "%s", "name": "chat",
                 "startTimeUnixNano": "1772442001000000000", "endTimeUnixNano": "1772442002000000000",
                 "attributes": [{"key": "gen_ai.operation.name", "value": {"stringValue": "chat"}},
                   {"key": "gen_ai.output.messages", "value": {"stringValue": "[{\\"role\\":\\"assistant\\",\\"parts\\":[{\\"type\\":\\"tool_call\\",\\"id\\":\\"call_Ab1\\",\\"name\\":\\"read_file\\"}]}]"}}]}"""
                .formatted(trace, chat, root);
        HttpResponse<String> answer = export(task, tool(trace, asked, root, "call_Ab1"), tool(trace, unasked, root, "call_Zz9"),
                llm, agentSpan);
        assertThat(answer.body()).isEqualTo("{}");

        List<StoredSpans.Step> steps = StoredSpans.steps(traceId);
        StoredSpans.Step call = StoredSpans.ofSpan(steps, chat);
        StoredSpans.Step moved = StoredSpans.ofSpan(steps, asked);
        assertThat(moved.type()).isEqualTo("TOOL_CALL");
        assertThat(moved.parentSeq()).as("under the LLM call that asked for call_Ab1").isEqualTo(call.seq());
        assertThat(StoredSpans.toolCallId(traceId, moved.seq())).isEqualTo("call_Ab1");
        assertThat(StoredSpans.ofSpan(steps, unasked).parentSeq()).as("under the root agent: top level").isNull();
        assertThat(StoredSpans.toolCallId(traceId, StoredSpans.ofSpan(steps, unasked).seq())).isEqualTo("call_Zz9");
        assertThat(StoredSpans.childrenOf(steps, moved.seq())).extracting(StoredSpans.Step::type).containsExactly("TOOL_RESULT");

        StoredSpans.Trace before = StoredSpans.trace(traceId).orElseThrow();
        assertThat(export(task, tool(trace, asked, root, "call_Ab1")).body()).isEqualTo("{}");
        assertThat(StoredSpans.trace(traceId).orElseThrow()).as("a duplicate: nothing counted twice").isEqualTo(before);
        assertThat(StoredSpans.ofSpan(StoredSpans.steps(traceId), asked).parentSeq()).isEqualTo(call.seq());
    }

    /** A tool span with a call id and a result, under {@code parent}. */
    private static String tool(String trace, String span, String parent, String callId) {
        return """
                {"traceId": "%s", "spanId": "%s", "parentSpanId": "%s", "name": "execute_tool read_file",
                 "startTimeUnixNano": "1772442003000000000", "endTimeUnixNano": "1772442004000000000",
                 "attributes": [{"key": "gen_ai.operation.name", "value": {"stringValue": "execute_tool"}},
                   {"key": "gen_ai.tool.name", "value": {"stringValue": "read_file"}},
                   {"key": "gen_ai.tool.call.id", "value": {"stringValue": "%s"}},
                   {"key": "gen_ai.tool.call.result", "value": {"stringValue": "class App {}"}}]}""".formatted(trace, span, parent, callId);
    }

    /** An LLM call span of {@code input} tokens, under a parent that is never sent (so it is not the trace's root). */
    private static String chat(String trace, String span, long input) {
        return """
                {"traceId": "%s", "spanId": "%s", "parentSpanId": "00000000000000aa", "name": "chat",
                 "startTimeUnixNano": "1772442001000000000", "endTimeUnixNano": "1772442002000000000",
                 "attributes": [{"key": "gen_ai.operation.name", "value": {"stringValue": "chat"}},
                   {"key": "gen_ai.request.model", "value": {"stringValue": "unpriced-model"}},
                   {"key": "gen_ai.usage.input_tokens", "value": {"intValue": "%d"}}]}""".formatted(trace, span, input);
    }

    /** Exports the spans (OTLP/JSON) for the suite's agent on a task, with the suite's token; asserts the 200. */
    private HttpResponse<String> export(long onTask, String... spans) {
        return exportAs(token, onTask, spans);
    }

    private HttpResponse<String> exportAs(String bearer, long onTask, String... spans) {
        String body = """
                {"resourceSpans": [{"resource": {"attributes": [
                    {"key": "taskboard.task.id", "value": {"intValue": "%d"}},
                    {"key": "taskboard.agent.id", "value": {"intValue": "%d"}}]},
                  "scopeSpans": [{"spans": [%s]}]}]}""".formatted(onTask, agent, String.join(",", spans));
        HttpResponse<String> answer = post(body.getBytes(StandardCharsets.UTF_8), "application/json", null, bearer);
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        return answer;
    }

    private static HttpResponse<String> post(byte[] body, String type, String encoding, String bearer) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(TaskboardServer.start() + "/traces/v1/traces"))
                .header("Content-Type", type).header("Authorization", "Bearer " + bearer)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (encoding != null) {
            request.header("Content-Encoding", encoding);
        }
        return IngestClient.send(HTTP, request.build());
    }

    private static JsonObject json(HttpResponse<String> response) {
        return IngestClient.json(response);
    }

    private static byte[] gzip(String text) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(text.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return out.toByteArray();
    }

    private static String hex(int bytes) {
        byte[] id = new byte[bytes];
        ThreadLocalRandom.current().nextBytes(id);
        id[0] |= 1; // never all zero
        return HexFormat.of().formatHex(id);
    }
}
