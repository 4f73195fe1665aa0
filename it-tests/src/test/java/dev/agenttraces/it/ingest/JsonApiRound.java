package dev.agenttraces.it.ingest;

import dev.agenttraces.traces.trace.domain.StepInput;
import dev.agenttraces.traces.trace.domain.StepType;
import dev.agenttraces.traces.trace.domain.TokenCounts;
import jakarta.json.Json;
import jakarta.json.stream.JsonGenerator;

import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The JSON API side of the ingest benchmarks (IngestBenchmarkIT, OtlpBenchmarkIT): the steps they send, and one
 * round of clients each streaming its batches into its own running trace. Bodies are built before the clock starts.
 */
final class JsonApiRound {

    static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    private JsonApiRound() {
    }

    /**
     * Each of {@code clients} clients appends {@code batches} batches of {@code batch} steps to a trace of its own;
     * asserts that every step was stored and returns steps per second.
     */
    static double run(String token, long task, long agent, int clients, int batches, int batch, String label)
            throws Exception {
        List<UUID> traces = new ArrayList<>();
        List<List<String>> bodies = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            traces.add(IngestClient.start(token, task, agent));
            List<String> mine = new ArrayList<>();
            for (int b = 0; b < batches; b++) {
                mine.add(body(b * batch, batch));
            }
            bodies.add(mine);
        }
        String api = IngestClient.api();
        List<Callable<Integer>> work = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            URI url = URI.create(api + "/traces/" + traces.get(c) + "/steps");
            List<String> mine = bodies.get(c);
            work.add(() -> {
                for (String body : mine) {
                    HttpResponse<String> r = IngestClient.send(post(url, "application/json", token,
                            HttpRequest.BodyPublishers.ofString(body)));
                    assertThat(r.statusCode()).as(r.body()).isEqualTo(207);
                }
                return mine.size() * batch;
            });
        }
        double rate = BenchmarkRuns.timed(work, label, "steps");
        for (UUID trace : traces) {
            assertThat(TraceRowsInDb.stepCount(trace)).isEqualTo((long) batches * batch);
        }
        return rate;
    }

    /** A benchmark POST: a two-minute timeout, the body's type and the Bearer ingest token. */
    static HttpRequest post(URI url, String contentType, String token, HttpRequest.BodyPublisher body) {
        return HttpRequest.newBuilder(url)
                .timeout(Duration.ofMinutes(2))
                .header("Content-Type", contentType)
                .header("Authorization", "Bearer " + token)
                .POST(body).build();
    }

    /** A realistic small step: some reasoning text, a tool call with JSON input, token counts. */
    static StepInput stepInput(int seq) {
        return new StepInput(seq, seq % 3 == 0 ? StepType.REASONING : StepType.TOOL_CALL,
                "Considering the failing test in module " + (seq % 17) + "; the cache key looks stale, so check it.",
                "read_file", "{\"path\":\"src/main/java/App" + (seq % 50) + ".java\",\"lines\":[1,120]}",
                "ok", "bench-model", new TokenCounts(1200 + seq % 100, 80, 300, 20), T0.plusMillis(seq), 35L);
    }

    /** The JSON body of {@code count} steps from {@code firstSeq} on. */
    static String body(int firstSeq, int count) {
        StringWriter out = new StringWriter(count * 400);
        try (JsonGenerator g = Json.createGenerator(out)) {
            g.writeStartObject().writeStartArray("steps");
            for (int i = 0; i < count; i++) {
                StepInput s = stepInput(firstSeq + i);
                g.writeStartObject()
                        .write("seq", s.seq())
                        .write("type", s.type().wireName())
                        .write("content", s.content())
                        .write("toolName", s.toolName())
                        .write("toolInput", s.toolInput())
                        .write("toolOutput", s.toolOutput())
                        .write("model", s.model())
                        .write("inputTokens", s.tokens().input())
                        .write("outputTokens", s.tokens().output())
                        .write("cachedInputTokens", s.tokens().cachedInput())
                        .write("reasoningTokens", s.tokens().reasoning())
                        .write("startedAt", s.startedAt().toString())
                        .write("durationMs", s.durationMs())
                        .writeEnd();
            }
            g.writeEnd().writeEnd();
        }
        return out.toString();
    }
}
