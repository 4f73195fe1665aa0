package dev.agenttraces.it.insight;

import dev.agenttraces.it.ingest.IngestClient;
import dev.agenttraces.it.support.TestDatabase;
import org.awaitility.Awaitility;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * Steps an agent sends through the JSON ingest API, numbered as they are added, for the insight suites:
 * the flags are computed by the ingest hook, so these traces must arrive the way agents send them.
 */
final class InsightSteps {

    private final JsonArrayBuilder steps = Json.createArrayBuilder();
    private int seq;
    private final Instant start = Instant.now().minusSeconds(600);

    int seq() {
        return seq;
    }

    InsightSteps reason(String text) {
        return add(base("reasoning").add("content", text).add("inputTokens", 2000).add("outputTokens", 300));
    }

    InsightSteps system(String text) {
        return add(base("system").add("content", text).add("inputTokens", 0).add("outputTokens", 0));
    }

    InsightSteps call(String tool, String jsonArgs) {
        return add(base("tool_call").add("toolName", tool).add("toolInput", jsonArgs).add("inputTokens", 0).add("outputTokens", 0));
    }

    InsightSteps result(String tool, String output) {
        return add(base("tool_result").add("toolName", tool).add("toolOutput", output).add("inputTokens", 0).add("outputTokens", 0));
    }

    InsightSteps error(String message) {
        return add(base("error").add("content", message).add("inputTokens", 0).add("outputTokens", 0));
    }

    private JsonObjectBuilder base(String type) {
        return Json.createObjectBuilder().add("type", type).add("model", "claude-sonnet-4-5");
    }

    private InsightSteps add(JsonObjectBuilder step) {
        seq++;
        steps.add(step.add("seq", seq).add("startedAt", start.plusSeconds(seq).toString()).add("durationMs", 400));
        return this;
    }

    /** Sends the steps added since the last send as one batch; fails unless every step was created. */
    void send(String token, UUID trace) {
        HttpResponse<String> r = IngestClient.append(token, trace,
                Json.createObjectBuilder().add("steps", steps).build().toString());
        if (r.statusCode() != 207 || r.body().contains("\"error\"")) {
            throw new AssertionError("append failed: " + r.statusCode() + " " + r.body());
        }
    }

    /** The run the demo's "reasoning loop" and "redundant calls" show, in two batches. */
    static void wastefulRun(String token, UUID trace) {
        InsightSteps s = new InsightSteps();
        s.reason("Read the rate limiter and its configuration first.")
                .call("read_file", "{\"path\": \"src/RateLimiter.java\", \"lines\": 200}")
                .result("read_file", "class RateLimiter { int bucket = 100; }")
                .call("read_file", "{\"lines\":200,\"path\":\"src/RateLimiter.java\"}")
                .result("read_file", "class RateLimiter { int bucket = 100; }");
        for (int i = 1; i <= 2; i++) {
            loopCycle(s, i);
        }
        s.send(token, trace);
        InsightSteps rest = new InsightSteps();
        rest.seq = s.seq;
        for (int i = 3; i <= 4; i++) {
            loopCycle(rest, i);
        }
        rest.reason("A different approach: make the bucket size configurable.");
        rest.send(token, trace);
        awaitFlags(trace);
    }

    /**
     * Waits until the trace's stored flags have seen all its steps: the ingest hook refreshes them off the request,
     * {@code agent.traces.insight.refresh-delay-ms} after a batch (README, "Insights"), and lists read them as stored.
     */
    static void awaitFlags(UUID trace) {
        Awaitility.await("flags of " + trace).atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .until(() -> TestDatabase.single("select count(*) from trace t join trace_insight i on i.trace_id = t.id"
                        + " where t.id = ? and i.step_count = t.step_count", trace) == 1);
    }

    private static void loopCycle(InsightSteps s, int attempt) {
        s.reason("The limiter test still fails on the burst case, so let me run the whole test suite again and read"
                        + " the failure output carefully, attempt " + attempt)
                .call("run_tests", "{\"suite\": \"RateLimiterTest\"}")
                .result("run_tests", "1 failed: RateLimiterTest.burst expected 429 but was 200");
    }

    /** A task's first run, which fails on a provider error, and its retry, which completes: [first, retry]. */
    static UUID[] failedRunAndRetry(String token, long task, long agent) {
        UUID first = IngestClient.start(token, task, agent);
        new InsightSteps().reason("Fetch the exchange rates from the provider first.")
                .call("fetch_url", "{\"url\": \"https://rates.example/eur\", \"timeout\": 5}")
                .error("529 overloaded: the provider is busy")
                .send(token, first);
        finish(token, first, "failed");
        UUID retry = IngestClient.start(token, task, agent);
        new InsightSteps().reason("Fetch the exchange rates from the provider first.")
                .call("fetch_url", "{\"timeout\": 30, \"url\": \"https://rates.example/eur\"}")
                .result("fetch_url", "{\"EUR\": 1.08}")
                .reason("Rates are in; write them to the report.")
                .send(token, retry);
        finish(token, retry, "completed");
        return new UUID[] {first, retry};
    }

    static void finish(String token, UUID trace, String status) {
        HttpResponse<String> r = IngestClient.post("/traces/" + trace + "/finish", token, "{\"status\":\"" + status + "\"}");
        if (r.statusCode() != 200) {
            throw new AssertionError("finish failed: " + r.statusCode() + " " + r.body());
        }
        awaitFlags(trace);
    }
}
