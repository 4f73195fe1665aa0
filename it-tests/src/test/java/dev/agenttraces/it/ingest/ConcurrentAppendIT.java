package dev.agenttraces.it.ingest;

import dev.agenttraces.it.support.Fixtures;
import jakarta.json.JsonObjectBuilder;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static dev.agenttraces.it.ingest.IngestClient.append;
import static dev.agenttraces.it.ingest.IngestClient.batch;
import static dev.agenttraces.it.ingest.IngestClient.json;
import static dev.agenttraces.it.ingest.IngestClient.start;
import static dev.agenttraces.it.ingest.IngestClient.step;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Many clients append to one running trace at once, each also replaying its previous batch (as an
 * agent does after a timeout): the trace's totals must equal, exactly, the sums over its stored steps
 * and over what the clients sent.
 */
class ConcurrentAppendIT {

    static final int THREADS = 8;
    static final int BATCHES = 20;
    static final int STEPS = 25;

    @Test
    void totalsStayExactUnderConcurrentBatchesAndReplays() throws Exception {
        long board = Fixtures.board(Fixtures.unique("Concurrent board"));
        long agent = Fixtures.agent(Fixtures.unique("Concurrent agent"), "test-model", "test-provider");
        long task = Fixtures.reviewedTask(board, agent, "Concurrent task", "done");
        String token = IngestClient.token(false, agent);
        UUID trace = start(token, task, agent);

        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        List<Future<int[]>> results = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            int thread = t;
            results.add(pool.submit(() -> {
                int created = 0;
                int duplicates = 0;
                for (int b = 0; b < BATCHES; b++) {
                    int first = (thread * BATCHES + b) * STEPS;
                    HttpResponse<String> r = append(token, trace, batchFrom(first));
                    assertThat(r.statusCode()).as(r.body()).isEqualTo(207);
                    created += json(r).getInt("created");
                    if (b > 0) {
                        HttpResponse<String> replay = append(token, trace, batchFrom(first - STEPS));
                        duplicates += json(replay).getInt("duplicates");
                    }
                }
                return new int[] {created, duplicates};
            }));
        }
        int created = 0;
        int duplicates = 0;
        for (Future<int[]> f : results) {
            int[] counts = f.get();
            created += counts[0];
            duplicates += counts[1];
        }
        pool.shutdown();

        int total = THREADS * BATCHES * STEPS;
        assertThat(created).isEqualTo(total);
        assertThat(duplicates).isEqualTo(THREADS * (BATCHES - 1) * STEPS);
        TraceRowsInDb.Totals stored = TraceRowsInDb.stored(trace);
        assertThat(stored).isEqualTo(TraceRowsInDb.summedFromSteps(trace));
        assertThat(stored.steps()).isEqualTo(total);
        long expectedInput = 0;
        long expectedOutput = 0;
        for (int seq = 0; seq < total; seq++) {
            expectedInput += 100 + seq;
            expectedOutput += 10 + seq;
        }
        assertThat(stored.input()).isEqualTo(expectedInput);
        assertThat(stored.output()).isEqualTo(expectedOutput);
        assertThat(stored.cached()).isEqualTo(5L * total);
        assertThat(stored.reasoning()).isEqualTo(2L * total);
        // Priced or not (pricing may know test-model or not), cost and unpriced count add up exactly.
        assertThat(stored.unpriced()).isBetween(0L, (long) total);
    }

    private static String batchFrom(int first) {
        JsonObjectBuilder[] steps = new JsonObjectBuilder[STEPS];
        for (int i = 0; i < STEPS; i++) {
            steps[i] = step(first + i);
        }
        return batch(steps);
    }
}
