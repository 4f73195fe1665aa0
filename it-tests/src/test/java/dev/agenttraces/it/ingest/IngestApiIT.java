package dev.agenttraces.it.ingest;

import dev.agenttraces.it.support.Fixtures;
import jakarta.json.JsonObject;
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
 * The ingest API over HTTP on host + plugin against PostgreSQL: idempotent starts and step replays,
 * per-item conflicts, the cached-token conventions, finishing, and exact totals.
 */
class IngestApiIT extends IngestSuite {

    IngestApiIT() {
        super("Ingest", "test-model", "test-provider");
    }

    @Test
    void repeatingAStartIsANoOpAndTheSameIdElsewhereIsAConflict() {
        UUID id = UUID.randomUUID();
        HttpResponse<String> first = post("/traces", token, startBody(id, task, agent));
        assertThat(first.statusCode()).as(first.body()).isEqualTo(201);
        assertThat(first.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/traces/" + id));
        JsonObject trace = json(first);
        assertThat(trace.getString("status")).isEqualTo("running");
        assertThat(trace.getString("model")).isEqualTo("test-model");
        assertThat(trace.getString("provider")).isEqualTo("test-provider");

        HttpResponse<String> replay = post("/traces", token, startBody(id, task, agent));
        assertThat(replay.statusCode()).as(replay.body()).isEqualTo(200);
        assertThat(json(replay).getString("id")).isEqualTo(id.toString());
        assertThat(json(replay).getString("startedAt")).isEqualTo(trace.getString("startedAt"));
        assertThat(TraceRowsInDb.rows("select count(*) from trace where id = ?", id)).isEqualTo(1);

        long otherTask = Fixtures.reviewedTask(board, agent, "Other task", "done");
        HttpResponse<String> clash = post("/traces", token, startBody(id, otherTask, agent));
        assertThat(clash.statusCode()).isEqualTo(409);
        assertThat(clash.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(json(clash).getString("field")).isEqualTo("id");
    }

    @Test
    void answersEachItemAsCreatedDuplicateOrConflict() {
        UUID trace = start(token, task, agent);
        HttpResponse<String> first = append(token, trace, batch(step(1), step(2), step(3)));
        assertThat(first.statusCode()).as(first.body()).isEqualTo(207);
        assertThat(json(first).getInt("created")).isEqualTo(3);

        HttpResponse<String> second = append(token, trace, batch(step(2), step(3).add("content", "rewritten"), step(4)));
        assertThat(second.statusCode()).isEqualTo(207);
        var results = json(second).getJsonArray("results");
        assertThat(results.getJsonObject(0).getString("status")).isEqualTo("duplicate");
        assertThat(results.getJsonObject(1).getString("status")).isEqualTo("error");
        assertThat(results.getJsonObject(1).getString("reason")).contains("conflict");
        assertThat(results.getJsonObject(1).getInt("seq")).isEqualTo(3);
        assertThat(results.getJsonObject(2).getString("status")).isEqualTo("created");

        // Within one batch too: the first occurrence wins, an identical repeat is a duplicate.
        HttpResponse<String> third = append(token, trace, batch(step(5), step(5), step(5).add("outputTokens", 1)));
        var inBatch = json(third).getJsonArray("results");
        assertThat(inBatch.getJsonObject(0).getString("status")).isEqualTo("created");
        assertThat(inBatch.getJsonObject(1).getString("status")).isEqualTo("duplicate");
        assertThat(inBatch.getJsonObject(2).getString("status")).isEqualTo("error");

        assertThat(TraceRowsInDb.stepCount(trace)).isEqualTo(5);
        assertThat(TraceRowsInDb.stored(trace)).isEqualTo(TraceRowsInDb.summedFromSteps(trace));
        assertThat(TraceRowsInDb.rows("select count(*) from trace_step where trace_id = ? and content = 'rewritten'",
                trace)).isZero();
    }

    @Test
    void storesInputWithoutCachedTokensUnderEitherConvention() {
        UUID trace = start(token, task, agent);
        // Client convention "input includes cached": 150 input of which 40 cached -> stored 110 + 40.
        String including = "{\"inputIncludesCached\":true,\"steps\":[" + step(1).add("inputTokens", 150)
                .add("cachedInputTokens", 40).build() + "]}";
        assertThat(json(append(token, trace, including)).getInt("created")).isEqualTo(1);
        // The same step in the stored convention, flagged per step, is recognised as the same step.
        String excluding = batch(step(1).add("inputTokens", 110).add("cachedInputTokens", 40)
                .add("inputIncludesCached", false));
        assertThat(json(append(token, trace, excluding)).getInt("duplicates")).isEqualTo(1);

        TraceRowsInDb.Totals totals = TraceRowsInDb.stored(trace);
        assertThat(totals.input()).isEqualTo(110);
        assertThat(totals.cached()).isEqualTo(40);

        HttpResponse<String> impossible = append(token, trace, "{\"inputIncludesCached\":true,\"steps\":["
                + step(2).add("inputTokens", 10).add("cachedInputTokens", 40).build() + "]}");
        assertThat(json(impossible).getJsonArray("results").getJsonObject(0).getString("field"))
                .isEqualTo("steps[0].cachedInputTokens");
    }

    @Test
    void acceptsParentsAndCacheWritesAndRefusesAParentThatIsNotEarlier() {
        UUID trace = start(token, task, agent);
        HttpResponse<String> answer = append(token, trace, batch(step(1).add("type", "llm_call"),
                step(2).add("parentSeq", 1).add("cacheCreationInputTokens", 7), step(3).add("parentSeq", 3)));
        var results = json(answer).getJsonArray("results");
        assertThat(results.getJsonObject(0).getString("status")).isEqualTo("created");
        assertThat(results.getJsonObject(1).getString("status")).isEqualTo("created");
        assertThat(results.getJsonObject(2).getString("status")).isEqualTo("error");
        assertThat(results.getJsonObject(2).getString("field")).isEqualTo("steps[2].parentSeq");
        assertThat(TraceRowsInDb.rows("select parent_seq from trace_step where trace_id = ? and seq = 2", trace)).isEqualTo(1);
        assertThat(TraceRowsInDb.rows("select cache_creation_tokens from trace where id = ?", trace)).isEqualTo(7);
        assertThat(TraceRowsInDb.rows("select count(*) from trace_step where trace_id = ? and type = 'LLM_CALL'", trace))
                .isEqualTo(1);
    }

    @Test
    void finishingSetsStatusEndAndDurationAndClosesTheTrace() {
        UUID trace = start(token, task, agent);
        append(token, trace, batch(step(1), step(2).add("type", "error")));
        String finish = "{\"status\":\"failed\",\"errorMessage\":\"tool crashed\",\"completedAt\":\"2099-01-01T00:00:00Z\"}";
        HttpResponse<String> finished = post("/traces/" + trace + "/finish", token, finish);
        assertThat(finished.statusCode()).as(finished.body()).isEqualTo(200);
        JsonObject body = json(finished);
        assertThat(body.getString("status")).isEqualTo("failed");
        assertThat(body.getString("errorMessage")).isEqualTo("tool crashed");
        assertThat(body.getString("completedAt")).isEqualTo("2099-01-01T00:00:00Z");
        assertThat(body.getJsonNumber("durationMs").longValue()).isPositive();
        assertThat(body.getInt("stepCount")).isEqualTo(2);
        assertThat(body.getInt("errorCount")).isEqualTo(1);

        assertThat(post("/traces/" + trace + "/finish", token, finish).statusCode()).isEqualTo(200);
        HttpResponse<String> otherEnd = post("/traces/" + trace + "/finish", token, "{\"status\":\"completed\"}");
        assertThat(otherEnd.statusCode()).isEqualTo(409);

        HttpResponse<String> late = append(token, trace, batch(step(3)));
        assertThat(late.statusCode()).isEqualTo(409);
        assertThat(json(late).getString("title")).isEqualTo("Conflict");
        assertThat(TraceRowsInDb.stepCount(trace)).isEqualTo(2);
    }
}
