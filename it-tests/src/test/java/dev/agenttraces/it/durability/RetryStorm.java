package dev.agenttraces.it.durability;

import dev.agenttraces.it.ingest.IngestClient;
import dev.agenttraces.it.ingest.TraceRowsInDb;
import dev.agenttraces.it.support.SpendRollupSums;
import dev.agenttraces.it.support.TestDatabase;
import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

import static dev.agenttraces.it.ingest.IngestClient.batch;
import static dev.agenttraces.it.ingest.IngestClient.step;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A retry storm as agents cause one, and what must hold afterwards. A client owns {@link Slot}s: a seq range
 * of a trace (several clients may write one trace, and two may even own the same slot, delivering the same
 * batches). It sends every batch of its slots twice, every third batch three times, all in shuffled order
 * ({@link #sends}). Every 7th step names a model no price matches, so priced and unpriced steps both reach
 * the totals and the rollups. {@link #assertExact} then checks the database: each trace holds exactly its
 * distinct seqs, once each, its totals equal the sums of its steps, and the spend rollups equal the sums.
 */
final class RetryStorm {

    /** A client's share of a trace: the {@code slot}-th range of {@code batches} batches. */
    record Slot(UUID trace, int slot, int batches) {
    }

    /** One delivery of one batch: the trace, the batch's first seq and size, and the request body. */
    record Send(UUID trace, int firstSeq, int steps, String body) {

        String path() {
            return "/traces/" + trace + "/steps";
        }
    }

    private RetryStorm() {
    }

    /** The client's deliveries: every batch of its slots twice, every third three times, shuffled. */
    static List<Send> sends(Collection<Slot> slots, int steps, Random random) {
        List<Send> sends = new ArrayList<>();
        for (Slot s : slots) {
            for (int b = 0; b < s.batches(); b++) {
                int first = (s.slot() * s.batches() + b) * steps;
                String body = body(first, steps);
                for (int copy = 0; copy < (b % 3 == 0 ? 3 : 2); copy++) {
                    sends.add(new Send(s.trace(), first, steps, body));
                }
            }
        }
        Collections.shuffle(sends, random);
        return sends;
    }

    /** Steps delivered in all, counting every copy of a batch. */
    static long stepsSent(Collection<Send> sends) {
        return sends.stream().mapToLong(Send::steps).sum();
    }

    private static String body(int first, int steps) {
        JsonObjectBuilder[] items = new JsonObjectBuilder[steps];
        for (int i = 0; i < steps; i++) {
            int seq = first + i;
            items[i] = step(seq).add("model", seq % 7 == 0 ? "no-such-model" : "claude-sonnet-4-5");
        }
        return batch(items);
    }

    /** Starts a trace through the API at {@code api}, with a client-chosen id and start instant. */
    static UUID start(String api, String token, long task, long agent, Instant startedAt) {
        UUID id = UUID.randomUUID();
        String body = Json.createObjectBuilder().add("id", id.toString()).add("taskId", task).add("agentId", agent)
                .add("startedAt", startedAt.toString()).build().toString();
        HttpResponse<String> r = IngestClient.post(api, "/traces", token, body);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        return id;
    }

    /** The seqs stored for a trace, read from the database. */
    static Set<Integer> storedSeqs(UUID trace) {
        try (Connection c = TestDatabase.connect();
             PreparedStatement ps = c.prepareStatement("select seq from trace_step where trace_id = ?")) {
            ps.setObject(1, trace);
            Set<Integer> seqs = new HashSet<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    seqs.add(rs.getInt(1));
                }
            }
            return seqs;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Steps stored for these traces, in all. */
    static long storedSteps(Collection<UUID> traces) {
        try (Connection c = TestDatabase.connect();
             PreparedStatement ps = c.prepareStatement("select count(*) from trace_step where trace_id = any (?)")) {
            ps.setArray(1, c.createArrayOf("uuid", traces.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Per trace, the acknowledged seqs the database does not hold (empty when nothing was lost). */
    static Map<UUID, Set<Integer>> missing(Map<UUID, ? extends Collection<Integer>> acknowledged) {
        Map<UUID, Set<Integer>> missing = new TreeMap<>();
        acknowledged.forEach((trace, seqs) -> {
            Set<Integer> gone = new HashSet<>(seqs);
            gone.removeAll(storedSeqs(trace));
            if (!gone.isEmpty()) {
                missing.put(trace, gone);
            }
        });
        return missing;
    }

    /**
     * Each trace holds exactly {@code expectedSteps} steps, all with distinct seqs, and its totals equal the
     * sums of its steps; the rollup rows of these agents equal the sums of their steps.
     */
    static void assertExact(Map<UUID, Long> expectedSteps, long... agents) throws SQLException {
        try (Connection c = TestDatabase.connect();
             PreparedStatement ps = c.prepareStatement("select count(*), count(distinct seq) from trace_step where trace_id = ?")) {
            for (Map.Entry<UUID, Long> e : expectedSteps.entrySet()) {
                ps.setObject(1, e.getKey());
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    assertThat(rs.getLong(1)).as("steps stored in %s", e.getKey()).isEqualTo(e.getValue());
                    assertThat(rs.getLong(2)).as("distinct seqs in %s", e.getKey()).isEqualTo(e.getValue());
                }
                TraceRowsInDb.Totals stored = TraceRowsInDb.stored(e.getKey());
                assertThat(stored).as("totals of %s", e.getKey()).isEqualTo(TraceRowsInDb.summedFromSteps(e.getKey()));
                assertThat(stored.steps()).isEqualTo(e.getValue());
            }
            assertThat(SpendRollupSums.mismatches(c, agents)).as("rollup rows that differ from the steps").isEmpty();
        }
    }
}
