package dev.agenttraces.it.ingest;

import dev.agenttraces.it.support.Fixtures;
import dev.agenttraces.it.support.TaskboardServer;
import dev.agenttraces.it.support.TestDatabase;
import dev.agenttraces.traces.trace.domain.StepInput;
import dev.agenttraces.traces.trace.infrastructure.StepInsert;
import dev.agenttraces.traces.trace.domain.TokenCounts;
import dev.agenttraces.traces.trace.domain.StepType;
import jakarta.json.Json;
import jakarta.json.stream.JsonGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.Callable;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Ingest throughput: concurrent clients append step batches through the HTTP API, then the same rows
 * go in through raw JDBC batch inserts (the very statement the API uses), and the two rates are
 * compared. Not part of the normal run (profile bench-ingest sets bench.ingest=true); it prints its
 * numbers and writes them to target/bench-ingest.txt, and asserts only that every step was stored.
 */
@EnabledIfSystemProperty(named = "bench.ingest", matches = "true")
class IngestBenchmarkIT {

    static final int CLIENTS = Integer.getInteger("bench.clients", 4);
    static final int BATCH = Integer.getInteger("bench.batch", 1000);
    static final int BATCHES_PER_CLIENT = Integer.getInteger("bench.batches", 40);
    static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    long task;
    long agent;

    @Test
    void apiVersusRawJdbc() throws Exception {
        long board = Fixtures.board(Fixtures.unique("Bench board"));
        agent = Fixtures.agent(Fixtures.unique("Bench agent"), "bench-model", "bench-provider");
        task = Fixtures.reviewedTask(board, agent, "Bench task", "done");
        String token = IngestClient.token(true);

        ServerRss rss = ServerRss.sample(TaskboardServer.pid());
        run(token, 10, "warm-up");
        run(token, BATCHES_PER_CLIENT, "api"); // second warm-up of the JIT on both sides
        double api = run(token, BATCHES_PER_CLIENT, "api");
        double raw = rawJdbc(BATCHES_PER_CLIENT);
        double copy = CopyBaseline.rate(CLIENTS, BATCHES_PER_CLIENT, BATCH, task, agent);
        long maxRss = rss.stop();
        String report = String.format(Locale.ROOT, "clients=%d batch=%d steps/client=%d%n"
                        + "api: %.0f steps/s%nraw JDBC: %.0f steps/s%nCOPY: %.0f steps/s%nratio api/raw: %.1f %%%n"
                        + "ratio api/COPY: %.1f %%%nserver max RSS: %.2f GiB (-Xmx768m)%n",
                CLIENTS, BATCH, BATCH * BATCHES_PER_CLIENT, api, raw, copy, 100 * api / raw, 100 * api / copy,
                maxRss / (1024.0 * 1024 * 1024));
        System.out.println(report);
        Files.writeString(Path.of(System.getProperty("java.io.tmpdir"), "bench-ingest.txt"), report);
    }

    /** Each client streams its batches into its own running trace; returns steps per second. */
    private double run(String token, int batches, String label) throws Exception {
        List<UUID> traces = new ArrayList<>();
        List<List<String>> bodies = new ArrayList<>();
        for (int c = 0; c < CLIENTS; c++) {
            traces.add(IngestClient.start(token, task, agent));
            List<String> mine = new ArrayList<>();
            for (int b = 0; b < batches; b++) {
                mine.add(body(b * BATCH));
            }
            bodies.add(mine);
        }
        String api = IngestClient.api();
        List<Callable<Integer>> clients = new ArrayList<>();
        for (int c = 0; c < CLIENTS; c++) {
            UUID trace = traces.get(c);
            List<String> mine = bodies.get(c);
            clients.add(() -> {
                int created = 0;
                for (String body : mine) {
                    HttpResponse<String> r = IngestClient.send(HttpRequest.newBuilder(
                                    URI.create(api + "/traces/" + trace + "/steps"))
                            .timeout(Duration.ofMinutes(2))
                            .header("Content-Type", "application/json")
                            .header("Authorization", "Bearer " + token)
                            .POST(HttpRequest.BodyPublishers.ofString(body)).build());
                    assertThat(r.statusCode()).as(r.body()).isEqualTo(207);
                    created += BATCH;
                }
                return created;
            });
        }
        double rate = BenchmarkRuns.timed(clients, label, "steps");
        for (UUID trace : traces) {
            assertThat(TraceRowsInDb.stepCount(trace)).isEqualTo((long) batches * BATCH);
        }
        return rate;
    }

    /** The same rows through plain JDBC batches, one connection and one transaction per batch per client. */
    private double rawJdbc(int batches) throws Exception {
        List<Callable<Integer>> clients = new ArrayList<>();
        for (int c = 0; c < CLIENTS; c++) {
            UUID trace = BenchmarkRuns.runningTrace(task, agent);
            List<List<StepInput>> rows = new ArrayList<>();
            for (int b = 0; b < batches; b++) {
                List<StepInput> batch = new ArrayList<>(BATCH);
                for (int i = 0; i < BATCH; i++) {
                    batch.add(stepInput(b * BATCH + i));
                }
                rows.add(batch);
            }
            clients.add(() -> {
                try (Connection conn = TestDatabase.connect()) {
                    conn.setAutoCommit(false);
                    for (List<StepInput> batch : rows) {
                        try (PreparedStatement ps = conn.prepareStatement(StepInsert.SQL)) {
                            for (StepInput s : batch) {
                                StepInsert.bind(ps, trace, s, s.model(), null, s.contentHash());
                                ps.addBatch();
                            }
                            ps.executeBatch();
                        }
                        conn.commit();
                    }
                }
                return batches * BATCH;
            });
        }
        return BenchmarkRuns.timed(clients, "raw JDBC", "steps");
    }

    /** A realistic small step: some reasoning text, a tool call with JSON input, token counts. */
    static StepInput stepInput(int seq) {
        return new StepInput(seq, seq % 3 == 0 ? StepType.REASONING : StepType.TOOL_CALL,
                "Considering the failing test in module " + (seq % 17) + "; the cache key looks stale, so check it.",
                "read_file", "{\"path\":\"src/main/java/App" + (seq % 50) + ".java\",\"lines\":[1,120]}",
                "ok", "bench-model", new TokenCounts(1200 + seq % 100, 80, 300, 20), T0.plusMillis(seq), 35L);
    }

    static String body(int firstSeq) {
        StringWriter out = new StringWriter(BATCH * 400);
        try (JsonGenerator g = Json.createGenerator(out)) {
            g.writeStartObject().writeStartArray("steps");
            for (int i = 0; i < BATCH; i++) {
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
