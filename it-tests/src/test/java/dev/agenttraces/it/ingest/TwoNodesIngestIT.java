package dev.agenttraces.it.ingest;

import dev.agenttraces.it.support.Fixtures;
import dev.agenttraces.it.support.SpendRollupSums;
import dev.agenttraces.it.support.TaskboardServer;
import dev.agenttraces.it.support.TestDatabase;
import jakarta.json.JsonObjectBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static dev.agenttraces.it.ingest.IngestClient.batch;
import static dev.agenttraces.it.ingest.IngestClient.step;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two Payara Micro servers (host + plugin each) on one PostgreSQL database ingest the same traces at the same
 * time: 16 clients, half on each server, four traces shared by clients of both servers, every batch sent twice
 * (once to each server) in shuffled order. Step counts, trace totals and spend rollups come out exact, with no
 * duplicate steps: the trace row lock and the content hashes work across servers because both live in the
 * database. The second server listens on {@code it.second.port} (default: the suites' server port + 5).
 */
class TwoNodesIngestIT {

    static final int CLIENTS = 16;
    static final int BATCHES = 8;
    static final int STEPS = 25;
    static Process second;

    @AfterAll
    static void stopSecond() {
        if (second != null) {
            second.destroy();
        }
    }

    @Test
    void bothServersIngestTheSameTracesExactly() throws Exception {
        String first = IngestClient.api();
        int port = Integer.getInteger("it.second.port", TaskboardServer.port() + 5);
        String base = "http://localhost:" + port;
        second = TaskboardServer.launch(port, base + "/traces", true);
        TaskboardServer.awaitReady(second, base, TaskboardServer.logFile(port), "\"ENABLED\"");
        String[] apis = {first, base + "/traces/api/v1"};

        long board = Fixtures.board(Fixtures.unique("Two nodes board"));
        long agent = Fixtures.agent(Fixtures.unique("Two nodes agent"), "claude-sonnet-4-5", "anthropic");
        long task = Fixtures.reviewedTask(board, agent, "Two nodes task", "done");
        String token = IngestClient.token(false, agent);
        List<UUID> traces = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            traces.add(IngestClient.start(token, task, agent));
        }

        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        List<Future<Integer>> results = new ArrayList<>();
        for (int c = 0; c < CLIENTS; c++) {
            int client = c;
            results.add(pool.submit(() -> send(apis, token, traces.get(client % 4), client / 4)));
        }
        int created = 0;
        for (Future<Integer> f : results) {
            created += f.get();
        }
        pool.shutdown();

        assertThat(created).isEqualTo(CLIENTS * BATCHES * STEPS);
        for (UUID trace : traces) {
            TraceRowsInDb.Totals stored = TraceRowsInDb.stored(trace);
            assertThat(stored).isEqualTo(TraceRowsInDb.summedFromSteps(trace));
            assertThat(stored.steps()).isEqualTo(4L * BATCHES * STEPS);
        }
        try (Connection c = TestDatabase.connect()) {
            assertThat(SpendRollupSums.mismatches(c, agent)).isEmpty();
        }
    }

    /** One client's batches (its own seq range of the trace), each to both servers, in shuffled order. */
    private static int send(String[] apis, String token, UUID trace, int slot) {
        List<int[]> sends = new ArrayList<>();
        for (int b = 0; b < BATCHES; b++) {
            sends.add(new int[] {b, 0});
            sends.add(new int[] {b, 1});
        }
        Collections.shuffle(sends, new Random(trace.hashCode() + slot));
        int created = 0;
        for (int[] send : sends) {
            int firstSeq = (slot * BATCHES + send[0]) * STEPS;
            JsonObjectBuilder[] steps = new JsonObjectBuilder[STEPS];
            for (int i = 0; i < STEPS; i++) {
                steps[i] = step(firstSeq + i).add("model", "claude-sonnet-4-5");
            }
            HttpResponse<String> r = IngestClient.post(apis[send[1]], "/traces/" + trace + "/steps", token, batch(steps));
            assertThat(r.statusCode()).as(r.body()).isEqualTo(207);
            created += IngestClient.json(r).getInt("created");
        }
        return created;
    }
}
