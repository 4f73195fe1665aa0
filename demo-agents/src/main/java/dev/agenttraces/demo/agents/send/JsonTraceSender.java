package dev.agenttraces.demo.agents.send;

import dev.agenttraces.demo.agents.http.JsonHttp;
import dev.agenttraces.demo.agents.scenario.Run;
import dev.agenttraces.demo.agents.scenario.Step;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.logging.Logger;

/**
 * The plugin's JSON ingest API (README "Send a trace with curl"): {@code POST /api/v1/traces}, then
 * {@code /{id}/steps} batches and {@code /{id}/finish}. The client chooses the trace id, so a replayed
 * start is a no-op, and every batch is safe to re-send. Sub-agent steps carry {@code parentSeq}, the
 * seq of the call that started the sub-agent; today's ingest ignores unknown fields and stores them
 * flat, and keeps the tree once the JSON API accepts a parent reference (issue 10).
 */
public final class JsonTraceSender implements TraceSender {

    private static final Logger LOG = Logger.getLogger(JsonTraceSender.class.getName());

    private final JsonHttp http;
    private final String api;

    /** {@code tracesUrl} is the plugin's base, e.g. http://localhost:8080/traces. */
    public JsonTraceSender(JsonHttp http, String tracesUrl) {
        this.http = http;
        this.api = tracesUrl + "/api/v1/traces";
    }

    @Override
    public void start(Run run) {
        JsonObject body = Json.createObjectBuilder().add("id", run.id().toString()).add("taskId", run.taskId())
                .add("agentId", run.agent().id()).add("model", run.agent().model()).add("provider", run.agent().provider())
                .add("startedAt", run.startedAt().toString()).build();
        expect(http.post(api, body.toString()), "start trace " + run.id(), 200, 201);
    }

    @Override
    public void append(Run run, List<Step> steps) {
        JsonArrayBuilder array = Json.createArrayBuilder();
        steps.forEach(step -> array.add(step(step)));
        String body = Json.createObjectBuilder().add("inputIncludesCached", false).add("steps", array).build().toString();
        HttpResponse<String> answer = http.post(api + "/" + run.id() + "/steps", body);
        expect(answer, "append " + steps.size() + " steps to " + run.id(), 207);
        if (answer.body().contains("\"error\"")) {
            LOG.warning(() -> "Some steps of " + run.id() + " were refused: " + answer.body());
        }
    }

    @Override
    public void finish(Run run) {
        JsonObjectBuilder body = Json.createObjectBuilder().add("status", run.failed() ? "failed" : "completed")
                .add("completedAt", run.completedAt().toString());
        if (run.errorMessage() != null) {
            body.add("errorMessage", run.errorMessage());
        }
        expect(http.post(api + "/" + run.id() + "/finish", body.build().toString()), "finish " + run.id(), 200);
    }

    static JsonObjectBuilder step(Step step) {
        JsonObjectBuilder json = Json.createObjectBuilder().add("seq", step.seq()).add("type", step.kind().wireType())
                .add("startedAt", step.startedAt().toString()).add("durationMs", step.durationMs());
        optional(json, "content", step.content());
        optional(json, "toolName", step.toolName());
        optional(json, "model", step.model());
        if (step.toolArgs() != null) {
            json.add("toolInput", JsonHttp.parse(step.toolArgs()));
        }
        if (step.toolResult() != null) {
            json.add("toolOutput", step.toolResult());
        }
        if (!step.usage().isNone()) {
            json.add("inputTokens", step.usage().input()).add("cachedInputTokens", step.usage().cached())
                    .add("outputTokens", step.usage().output()).add("reasoningTokens", step.usage().reasoning())
                    .add("cacheCreationInputTokens", step.usage().cacheWrite());
        }
        if (step.parentSeq() != null) {
            json.add("parentSeq", step.parentSeq());
        }
        return json;
    }

    private static void optional(JsonObjectBuilder json, String key, String value) {
        if (value != null) {
            json.add(key, value);
        }
    }

    private static void expect(HttpResponse<String> answer, String what, int... statuses) {
        for (int status : statuses) {
            if (answer.statusCode() == status) {
                return;
            }
        }
        throw new IllegalStateException("Could not " + what + ": HTTP " + answer.statusCode() + " " + answer.body());
    }
}
