package dev.agenttraces.it.cluster;

import dev.agenttraces.it.ingest.IngestClient;
import dev.agenttraces.it.ingest.TraceRowsInDb;
import dev.agenttraces.it.support.Fixtures;
import dev.agenttraces.it.support.SpendRollupSums;
import dev.agenttraces.it.support.TestDatabase;
import jakarta.json.JsonObjectBuilder;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static dev.agenttraces.it.ingest.IngestClient.batch;
import static dev.agenttraces.it.ingest.IngestClient.step;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Both servers ingest the same traces at the same time: {@value #CLIENTS} clients on {@value #TRACES} shared
 * traces, each sending its batches in shuffled order, and every batch to both servers at once (two requests in
 * flight together). Each seq is created once, by one server, and is a duplicate on the other; step counts, trace
 * totals and spend rollups come out exact: the trace row lock and the content hashes work across servers because
 * both live in the database.
 */
final class SharedIngest {

    static final int CLIENTS = 8;
    static final int TRACES = 4;
    static final int BATCHES = 6;
    static final int STEPS = 25;

    private SharedIngest() {
    }

    /** Runs the scenario against the two ingest APIs; answers the traces it wrote. */
    static List<UUID> bothServersIngestTheSameTraces(String[] apis, long board, long agent) throws Exception {
        long task = Fixtures.reviewedTask(board, agent, Fixtures.unique("Two servers task"), "done");
        String token = IngestClient.tokenInDatabase(false, agent);
        List<UUID> traces = new ArrayList<>();
        for (int t = 0; t < TRACES; t++) {
            UUID id = UUID.randomUUID();
            HttpResponse<String> r = IngestClient.post(apis[t % 2], "/traces", token, IngestClient.startBody(id, task, agent));
            assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
            traces.add(id);
        }
        ExecutorService pool = Executors.newFixedThreadPool(3 * CLIENTS); // each client and its two requests in flight
        try {
            List<Future<Integer>> clients = new ArrayList<>();
            for (int c = 0; c < CLIENTS; c++) {
                int client = c;
                clients.add(pool.submit(() -> send(pool, apis, token, traces.get(client % TRACES), client / TRACES)));
            }
            int created = 0;
            for (Future<Integer> f : clients) {
                created += f.get();
            }
            assertThat(created).as("steps created, each once across both servers").isEqualTo(CLIENTS * BATCHES * STEPS);
        } finally {
            pool.shutdown();
        }
        for (UUID trace : traces) {
            TraceRowsInDb.Totals stored = TraceRowsInDb.stored(trace);
            assertThat(stored).isEqualTo(TraceRowsInDb.summedFromSteps(trace));
            assertThat(stored.steps()).isEqualTo((long) CLIENTS / TRACES * BATCHES * STEPS);
        }
        try (Connection c = TestDatabase.connect()) {
            assertThat(SpendRollupSums.mismatches(c, agent)).isEmpty();
        }
        return traces;
    }

    /** One client's batches (its own seq range of the trace), shuffled, each to both servers at once. */
    private static int send(ExecutorService pool, String[] apis, String token, UUID trace, int slot) throws Exception {
        List<Integer> order = new ArrayList<>();
        for (int b = 0; b < BATCHES; b++) {
            order.add(b);
        }
        Collections.shuffle(order, new Random(trace.hashCode() + slot));
        int created = 0;
        for (int b : order) {
            int firstSeq = (slot * BATCHES + b) * STEPS;
            JsonObjectBuilder[] steps = new JsonObjectBuilder[STEPS];
            for (int i = 0; i < STEPS; i++) {
                steps[i] = step(firstSeq + i).add("model", "claude-sonnet-4-5");
            }
            String body = batch(steps);
            List<CompletableFuture<HttpResponse<String>>> both = new ArrayList<>();
            for (String api : apis) {
                both.add(CompletableFuture.supplyAsync(() -> IngestClient.post(api, "/traces/" + trace + "/steps", token, body), pool));
            }
            for (CompletableFuture<HttpResponse<String>> answer : both) {
                HttpResponse<String> r = answer.get();
                assertThat(r.statusCode()).as(r.body()).isEqualTo(207);
                created += IngestClient.json(r).getInt("created");
            }
        }
        return created;
    }
}
