package dev.agenttraces.it.ingest;

import dev.agenttraces.it.support.Fixtures;
import dev.agenttraces.it.support.HostTokens;
import dev.agenttraces.it.support.SpendRollupSums;
import dev.agenttraces.it.support.TestDatabase;
import dev.agenttraces.it.support.Users;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static dev.agenttraces.it.ingest.IngestClient.append;
import static dev.agenttraces.it.ingest.IngestClient.batch;
import static dev.agenttraces.it.ingest.IngestClient.post;
import static dev.agenttraces.it.ingest.IngestClient.step;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The spend rollups (migration V70) stay equal to the sums of the steps when many clients ingest at once: 4
 * agents on 2 boards, traces of their own and traces shared by several clients, back-dated starts (so a trace's
 * start day and receive day differ), every batch sent twice or three times in shuffled order, priced and
 * unpriced steps. The recompute path is checked by PricingIT.
 */
class SpendRollupsIT {

    static final int CLIENTS = 16;
    static final int BATCHES = 12;
    static final int STEPS = 20;

    @Test
    void rollupsEqualTheStepsAfterConcurrentIngestWithReplays() throws Exception {
        long[] boards = {Fixtures.board(Fixtures.unique("Rollup board A")), Fixtures.board(Fixtures.unique("Rollup board B"))};
        long[] agents = new long[4];
        long[] tasks = new long[4];
        for (int i = 0; i < agents.length; i++) {
            agents[i] = Fixtures.agent(Fixtures.unique("Rollup agent " + i), "claude-sonnet-4-5", "anthropic");
            tasks[i] = Fixtures.reviewedTask(boards[i % 2], agents[i], "Rollup task " + i, "done");
        }
        String token = IngestClient.token(true);
        // 8 traces: agent i runs task i today and task (i+1)%4 back-dated by i+1 days; clients 0–7 own one
        // trace each, clients 8–15 share the first four.
        List<UUID> traces = new ArrayList<>();
        Instant now = Instant.now();
        for (int i = 0; i < agents.length; i++) {
            traces.add(start(token, tasks[i], agents[i], now));
            traces.add(start(token, tasks[(i + 1) % 4], agents[i], now.minus(i + 1, ChronoUnit.DAYS)));
        }

        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        List<Future<Integer>> results = new ArrayList<>();
        for (int c = 0; c < CLIENTS; c++) {
            int client = c;
            results.add(pool.submit(() -> sendShuffled(token, traces.get(client % 8), client, new Random(client))));
        }
        int created = 0;
        for (Future<Integer> f : results) {
            created += f.get();
        }
        pool.shutdown();
        assertThat(created).isEqualTo(CLIENTS * BATCHES * STEPS);

        try (Connection c = TestDatabase.connect()) {
            assertThat(SpendRollupSums.mismatches(c, agents)).isEmpty();
            // and the sums are not trivially zero: priced steps reached the rollups
            try (PreparedStatement ps = c.prepareStatement("select sum(cost_usd), sum(traces) from spend_agent_received_day"
                    + " where agent_id in (?, ?, ?, ?)")) {
                for (int i = 0; i < agents.length; i++) {
                    ps.setLong(i + 1, agents[i]);
                }
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    assertThat(rs.getBigDecimal(1)).isGreaterThan(BigDecimal.ZERO);
                    assertThat(rs.getLong(2)).isEqualTo(8);
                }
            }
        }
        // The batched read the host's lists use (HostContract.ALL_AGENTS_SPEND) reports the same budget spend as
        // the per-agent read, for every agent, in one call.
        Users.ensure("rollup-admin", "ADMIN");
        String asOf = Instant.now().toString();
        HttpResponse<String> all = IngestClient.get("/agents/spend?asOf=" + asOf, HostTokens.mint("rollup-admin",
                Set.of("ADMIN"), "/traces/api/v1/agents/spend?asOf=" + asOf));
        assertThat(all.statusCode()).as(all.body()).isEqualTo(200);
        for (long agent : agents) {
            JsonObject item = IngestClient.json(all).getJsonArray("items").getValuesAs(JsonObject.class).stream()
                    .filter(i -> i.getJsonNumber("agentId").longValue() == agent).findFirst().orElseThrow();
            String one = "/agents/" + agent + "/spend?from=" + item.getString("from") + "&to=" + item.getString("to");
            HttpResponse<String> single = IngestClient.get(one, HostTokens.mint("rollup-admin", Set.of("ADMIN"),
                    "/traces/api/v1" + one));
            assertThat(new BigDecimal(item.getString("costUsd")))
                    .isEqualByComparingTo(new BigDecimal(IngestClient.json(single).getString("costUsd")));
            assertThat(item.getInt("traces")).isEqualTo(2);
        }
    }

    /** Sends this client's batches of its own seq range, each 2 or 3 times, in shuffled order. */
    private static int sendShuffled(String token, UUID trace, int client, Random random) {
        List<Integer> sends = new ArrayList<>();
        for (int b = 0; b < BATCHES; b++) {
            for (int k = 0; k < 2 + (b % 2); k++) {
                sends.add(b);
            }
        }
        Collections.shuffle(sends, random);
        int created = 0;
        for (int b : sends) {
            int first = (client / 8 * BATCHES + b) * STEPS;
            JsonObjectBuilder[] steps = new JsonObjectBuilder[STEPS];
            for (int i = 0; i < STEPS; i++) {
                // every 5th step names a model no price matches: unpriced
                steps[i] = step(first + i).add("model", (first + i) % 5 == 0 ? "no-such-model" : "claude-sonnet-4-5");
            }
            HttpResponse<String> r = append(token, trace, batch(steps));
            assertThat(r.statusCode()).as(r.body()).isEqualTo(207);
            created += IngestClient.json(r).getInt("created");
        }
        return created;
    }

    private static UUID start(String token, long task, long agent, Instant startedAt) {
        UUID id = UUID.randomUUID();
        String body = Json.createObjectBuilder().add("id", id.toString()).add("taskId", task).add("agentId", agent)
                .add("startedAt", startedAt.toString()).build().toString();
        HttpResponse<String> r = post("/traces", token, body);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        return id;
    }
}
