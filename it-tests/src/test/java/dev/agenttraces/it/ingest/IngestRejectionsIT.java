package dev.agenttraces.it.ingest;

import dev.agenttraces.it.support.Fixtures;
import dev.agenttraces.it.support.OversizeBody;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.UUID;

import static dev.agenttraces.it.ingest.IngestClient.append;
import static dev.agenttraces.it.ingest.IngestClient.batch;
import static dev.agenttraces.it.ingest.IngestClient.json;
import static dev.agenttraces.it.ingest.IngestClient.post;
import static dev.agenttraces.it.ingest.IngestClient.start;
import static dev.agenttraces.it.ingest.IngestClient.startBody;
import static dev.agenttraces.it.ingest.IngestClient.step;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every kind of bad input gets a problem naming the field and writes nothing; tokens only write for
 * the agents they are bound to.
 */
class IngestRejectionsIT extends IngestSuite {

    UUID trace;

    IngestRejectionsIT() {
        super("Reject", "test-model", "test-provider");
    }

    @BeforeEach
    void startTrace() {
        trace = start(token, task, agent);
    }

    static JsonObject problem(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        JsonObject problem = json(response);
        assertThat(problem.getInt("status")).isEqualTo(status);
        assertThat(problem.getString("type")).isNotBlank();
        assertThat(problem.getString("title")).isNotBlank();
        assertThat(problem.getString("detail")).isNotBlank();
        return problem;
    }

    @Test
    void malformedJsonAndBadEnvelopesAreProblems() {
        assertThat(problem(append(token, trace, "{\"steps\": [ {\"seq\": 1, "), 400).getString("field")).isEqualTo("$");
        assertThat(problem(append(token, trace, "[1, 2]"), 400).getString("field")).isEqualTo("$");
        assertThat(problem(append(token, trace, "{\"steps\": 5}"), 400).getString("field")).isEqualTo("steps");
        assertThat(problem(append(token, trace, "{}"), 400).getString("field")).isEqualTo("steps");
        assertThat(problem(append(token, trace, "{\"inputIncludesCached\":\"yes\",\"steps\":[]}"), 400)
                .getString("field")).isEqualTo("inputIncludesCached");
        assertThat(problem(post("/traces", token, "{\"taskId\":\"one\",\"agentId\":1}"), 400).getString("field"))
                .isEqualTo("taskId");
        assertThat(problem(post("/traces", token, "{\"agentId\":" + agent + "}"), 400).getString("field")).isEqualTo("taskId");
        assertThat(problem(post("/traces", token, startBody(null, 987654321L, agent)), 400).getString("field")).isEqualTo("taskId");
        assertThat(problem(post("/traces/" + trace + "/finish", token, "{\"status\":\"running\"}"), 400)
                .getString("field")).isEqualTo("status");
        assertThat(TraceRowsInDb.stepCount(trace)).isZero();
    }

    @Test
    void badItemsAreRefusedByFieldAndNothingOfThemIsWritten() {
        HttpResponse<String> response = append(token, trace, batch(
                step(1),
                step(2).add("inputTokens", "many"),
                step(3).add("type", "thought"),
                step(4).add("outputTokens", -5),
                step(5).add("startedAt", "yesterday"),
                step(6).remove("seq"),
                step(7)));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(207);
        JsonObject body = json(response);
        assertThat(body.getInt("created")).isEqualTo(2);
        assertThat(body.getInt("errors")).isEqualTo(5);
        var results = body.getJsonArray("results");
        assertThat(results.getJsonObject(1).getString("field")).isEqualTo("steps[1].inputTokens");
        assertThat(results.getJsonObject(2).getString("field")).isEqualTo("steps[2].type");
        assertThat(results.getJsonObject(2).getString("reason")).contains("thought").contains("tool_call");
        assertThat(results.getJsonObject(3).getString("field")).isEqualTo("steps[3].outputTokens");
        assertThat(results.getJsonObject(4).getString("field")).isEqualTo("steps[4].startedAt");
        assertThat(results.getJsonObject(5).getString("field")).isEqualTo("steps[5].seq");
        assertThat(TraceRowsInDb.rows("select count(*) from trace_step where trace_id = ?", trace)).isEqualTo(2);
        assertThat(TraceRowsInDb.stored(trace)).isEqualTo(TraceRowsInDb.summedFromSteps(trace));
    }

    @Test
    void missingTracesAndOversizeBodiesAreRefused() throws Exception {
        assertThat(problem(append(token, UUID.randomUUID(), batch(step(1))), 404).getString("title")).isEqualTo("Not found");
        assertThat(problem(append(token, null, batch(step(1))), 404)).isNotNull();
        assertThat(declareOversizeBody("/traces/" + trace + "/steps")).startsWith("HTTP/1.1 413");
        assertThat(TraceRowsInDb.stepCount(trace)).isZero();
    }

    /** Declares an oversize step batch: the API must refuse it from the declared length. */
    private String declareOversizeBody(String path) throws Exception {
        OversizeBody.Head head = OversizeBody.declare("/traces/api/v1" + path, token, "application/json", "{\"steps\":[");
        assertThat(head.headers()).contains("content-type: application/problem+json");
        return head.status();
    }

    @Test
    void tokensWriteOnlyForTheirAgents() {
        problem(append(null, trace, batch(step(1))), 401);
        problem(append("not-a-token", trace, batch(step(1))), 401);

        long otherAgent = Fixtures.agent(Fixtures.unique("Other agent"), "m", "p");
        String otherToken = IngestClient.token(false, otherAgent);
        problem(append(otherToken, trace, batch(step(1))), 403);
        problem(post("/traces", otherToken, startBody(null, task, agent)), 403);
        problem(post("/traces/" + trace + "/finish", otherToken, "{\"status\":\"completed\"}"), 403);

        String everyAgent = IngestClient.token(true);
        assertThat(append(everyAgent, trace, batch(step(1))).statusCode()).isEqualTo(207);

        IngestClient.revoke(token);
        problem(append(token, trace, batch(step(2))), 401);
        assertThat(TraceRowsInDb.stepCount(trace)).isEqualTo(1);
    }
}
