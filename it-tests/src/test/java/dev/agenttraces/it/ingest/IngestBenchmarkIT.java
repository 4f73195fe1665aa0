package dev.agenttraces.it.ingest;

import dev.agenttraces.it.support.TaskboardServer;
import dev.agenttraces.it.support.TestDatabase;
import dev.agenttraces.traces.trace.domain.StepInput;
import dev.agenttraces.traces.trace.infrastructure.StepInsert;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.Callable;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Ingest throughput: concurrent clients append step batches through the HTTP API, then the same rows
 * go in through raw JDBC batch inserts (the very statement the API uses) and through COPY, and the rates are
 * compared, round by round. Not part of the normal run (profile bench-ingest sets bench.ingest=true); it prints its
 * numbers and writes them to target/bench-ingest.txt, and asserts only that every step was stored.
 */
@EnabledIfSystemProperty(named = "bench.ingest", matches = "true")
class IngestBenchmarkIT extends IngestSuite {

    static final int CLIENTS = Integer.getInteger("bench.clients", 4);
    static final int BATCH = Integer.getInteger("bench.batch", 1000);
    static final int BATCHES_PER_CLIENT = Integer.getInteger("bench.batches", 40);
    /**
     * Rounds of API, raw JDBC and COPY, back to back: on two shared cores the baselines drift by 1.7x between runs
     * minutes apart (BENCHMARKS.md), so the ratio is taken within each round and the median of the rounds reported.
     */
    static final int ROUNDS = Integer.getInteger("bench.rounds", 5);
    /**
     * Untimed rounds first: with one, the API's rate still rose by half from the first timed round to the fifth
     * (Payara's JIT was still compiling the request path), and the raw baseline's by a third.
     */
    static final int WARM_UP_ROUNDS = Integer.getInteger("bench.warm-up-rounds", 3);

    IngestBenchmarkIT() {
        super("Bench", "bench-model", "bench-provider", true);
    }

    @Test
    void apiVersusRawJdbc() throws Exception {
        ServerRss rss = ServerRss.sample(TaskboardServer.pid());
        run(token, 10, "warm-up");
        for (int w = 0; w < WARM_UP_ROUNDS; w++) { // the JIT on both sides and PostgreSQL's caches, untimed
            run(token, BATCHES_PER_CLIENT, "warm-up api");
            rawJdbc(BATCHES_PER_CLIENT);
            CopyBaseline.rate(CLIENTS, BATCHES_PER_CLIENT, BATCH, task, agent);
        }
        StringBuilder rounds = new StringBuilder();
        List<Double> apiToRaw = new ArrayList<>();
        List<Double> apiToCopy = new ArrayList<>();
        for (int r = 1; r <= ROUNDS; r++) {
            checkpoint();
            double api = run(token, BATCHES_PER_CLIENT, "api");
            checkpoint();
            double raw = rawJdbc(BATCHES_PER_CLIENT);
            checkpoint();
            double copy = CopyBaseline.rate(CLIENTS, BATCHES_PER_CLIENT, BATCH, task, agent);
            apiToRaw.add(100 * api / raw);
            apiToCopy.add(100 * api / copy);
            rounds.append(String.format(Locale.ROOT, "round %d: api %.0f, raw JDBC %.0f, COPY %.0f steps/s;"
                    + " api/raw %.1f %%, api/COPY %.1f %%%n", r, api, raw, copy, 100 * api / raw, 100 * api / copy));
        }
        long maxRss = rss.stop();
        String report = String.format(Locale.ROOT, "clients=%d batch=%d steps/client=%d warm-up rounds=%d rounds=%d checkpoints=%s%n%s"
                        + "median ratio api/raw: %.1f %%%nmedian ratio api/COPY: %.1f %%%n"
                        + "server max RSS: %.2f GiB (-Xmx768m)%n",
                CLIENTS, BATCH, BATCH * BATCHES_PER_CLIENT, WARM_UP_ROUNDS, ROUNDS, checkpoints, rounds, median(apiToRaw), median(apiToCopy),
                maxRss / (1024.0 * 1024 * 1024));
        System.out.println(report);
        Files.writeString(Path.of(System.getProperty("java.io.tmpdir"), "bench-ingest.txt"), report);
    }

    /**
     * A PostgreSQL checkpoint before each phase, so that none of them pays for flushing what an earlier one wrote
     * (a round writes some 480,000 rows: a checkpoint forced by the WAL size landed on whichever phase ran then).
     * CHECKPOINT needs a superuser: {@code bench.checkpoint-user} (default postgres, trust on loopback as bin/test
     * sets PostgreSQL up); without one the phases run without it and the report says so.
     */
    private static void checkpoint() {
        try (Connection c = java.sql.DriverManager.getConnection(TestDatabase.url(),
                System.getProperty("bench.checkpoint-user", "postgres"), System.getProperty("bench.checkpoint-password", ""));
             java.sql.Statement s = c.createStatement()) {
            s.execute("checkpoint");
        } catch (java.sql.SQLException e) {
            if (checkpoints) {
                System.out.println("no checkpoints between phases: " + e.getMessage());
            }
            checkpoints = false;
        }
    }

    private static boolean checkpoints = true;

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    /** Each client streams its batches into its own running trace; returns steps per second. */
    private double run(String token, int batches, String label) throws Exception {
        return JsonApiRound.run(token, task, agent, CLIENTS, batches, BATCH, label);
    }

    /** The same rows through plain JDBC batches, one connection and one transaction per batch per client. */
    private double rawJdbc(int batches) throws Exception {
        List<Callable<Integer>> clients = new ArrayList<>();
        for (int c = 0; c < CLIENTS; c++) {
            BenchmarkRuns.BaselineTrace trace = BenchmarkRuns.runningTrace(task, agent);
            List<List<StepInput>> rows = new ArrayList<>();
            for (int b = 0; b < batches; b++) {
                List<StepInput> batch = new ArrayList<>(BATCH);
                for (int i = 0; i < BATCH; i++) {
                    batch.add(JsonApiRound.stepInput(b * BATCH + i));
                }
                rows.add(batch);
            }
            clients.add(() -> {
                try (Connection conn = TestDatabase.connect()) {
                    conn.setAutoCommit(false);
                    for (List<StepInput> batch : rows) {
                        try (PreparedStatement ps = conn.prepareStatement(StepInsert.SQL)) {
                            for (StepInput s : batch) {
                                StepInsert.bind(ps, trace.id(), trace.createdAt(), s, s.model(), null, s.contentHash());
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
}
