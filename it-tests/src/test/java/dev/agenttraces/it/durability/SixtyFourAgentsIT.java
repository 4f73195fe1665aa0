package dev.agenttraces.it.durability;

import dev.agenttraces.it.ingest.IngestClient;
import dev.agenttraces.it.ingest.TraceRowsInDb;
import dev.agenttraces.it.support.Fixtures;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 64 agents append at once through a retry storm, on the suites' server: each agent's client writes a trace of
 * its own and a share of one of {@value #SHARED} shared traces (back-dated by 1–8 days, so start day and receipt
 * day differ), where every share is owned by two clients, so the same batches also arrive from two clients at
 * the same time. Every batch is sent twice, every third three times, shuffled ({@link RetryStorm}); each client's
 * ingest token is bound to its own agent and to the shared trace's. Every request is answered 207, each step is
 * created exactly once, the rest are duplicates, and the database holds exact counts, distinct seqs, totals equal
 * to the sums of the steps, and exact spend rollups.
 */
class SixtyFourAgentsIT {

    static final int AGENTS = 64;
    static final int SHARED = 8;
    static final int OWN_BATCHES = 4;
    static final int SHARED_BATCHES = 3;
    static final int STEPS = 10;

    @Test
    void sixtyFourAgentsAppendAtOnceThroughARetryStormAndEveryCountIsExact() throws Exception {
        String api = IngestClient.api();
        long[] boards = {Fixtures.board(Fixtures.unique("64 agents board A")), Fixtures.board(Fixtures.unique("64 agents board B"))};
        long[] agents = new long[AGENTS];
        long[] tasks = new long[AGENTS];
        String[] tokens = new String[AGENTS];
        for (int i = 0; i < AGENTS; i++) {
            agents[i] = Fixtures.agent(Fixtures.unique("Agent " + i + " of 64"), "claude-sonnet-4-5", "anthropic");
            tasks[i] = Fixtures.reviewedTask(boards[i % 2], agents[i], "64 agents task " + i, "done");
            tokens[i] = i < SHARED ? IngestClient.token(false, agents[i])
                    : IngestClient.token(false, agents[i], agents[i % SHARED]);
        }
        Instant now = Instant.now();
        UUID[] own = new UUID[AGENTS];
        UUID[] shared = new UUID[SHARED];
        Map<UUID, Long> expected = new HashMap<>();
        for (int i = 0; i < AGENTS; i++) {
            own[i] = RetryStorm.start(api, tokens[i], tasks[i], agents[i], now);
            expected.put(own[i], (long) OWN_BATCHES * STEPS);
        }
        int sharesPerTrace = AGENTS / SHARED / 2; // 8 clients per shared trace, two per share
        for (int k = 0; k < SHARED; k++) {
            shared[k] = RetryStorm.start(api, tokens[k], tasks[k], agents[k], now.minus(k + 1, ChronoUnit.DAYS));
            expected.put(shared[k], (long) sharesPerTrace * SHARED_BATCHES * STEPS);
        }

        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(AGENTS);
        List<Future<long[]>> clients = new ArrayList<>();
        long sent = 0;
        for (int c = 0; c < AGENTS; c++) {
            List<RetryStorm.Send> sends = RetryStorm.sends(List.of(new RetryStorm.Slot(own[c], 0, OWN_BATCHES),
                    new RetryStorm.Slot(shared[c % SHARED], c / SHARED / 2, SHARED_BATCHES)), STEPS, new Random(c));
            sent += RetryStorm.stepsSent(sends);
            String token = tokens[c];
            clients.add(pool.submit(() -> deliver(api, token, sends, go)));
        }
        Instant started = Instant.now();
        go.countDown();
        long created = 0;
        long duplicates = 0;
        for (Future<long[]> f : clients) {
            long[] counts = f.get(110, TimeUnit.SECONDS);
            created += counts[0];
            duplicates += counts[1];
        }
        pool.shutdown();
        System.out.printf("SixtyFourAgentsIT: %d steps delivered in %d requests from %d clients in %d ms%n", sent,
                sent / STEPS, AGENTS, Duration.between(started, Instant.now()).toMillis());

        long distinct = expected.values().stream().mapToLong(Long::longValue).sum();
        assertThat(created).as("steps answered created").isEqualTo(distinct);
        assertThat(duplicates).as("steps answered duplicate").isEqualTo(sent - distinct);
        RetryStorm.assertExact(expected, agents);
        // The sums are not trivially zero: priced steps and unpriced ones reached a shared trace.
        TraceRowsInDb.Totals first = TraceRowsInDb.stored(shared[0]);
        assertThat(first.cost()).isGreaterThan(BigDecimal.ZERO);
        assertThat(first.unpriced()).isPositive();
    }

    /** One client's deliveries, in order, once all clients are ready; returns the steps created and duplicate. */
    private static long[] deliver(String api, String token, List<RetryStorm.Send> sends, CountDownLatch go)
            throws InterruptedException {
        go.await();
        long created = 0;
        long duplicates = 0;
        for (RetryStorm.Send send : sends) {
            HttpResponse<String> r = IngestClient.post(api, send.path(), token, send.body());
            assertThat(r.statusCode()).as(r.body()).isEqualTo(207);
            created += IngestClient.json(r).getInt("created");
            duplicates += IngestClient.json(r).getInt("duplicates");
        }
        return new long[] {created, duplicates};
    }
}
