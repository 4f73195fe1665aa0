package dev.agenttraces.it.ingest;

import dev.agenttraces.it.support.Fixtures;
import dev.agenttraces.it.support.HostTokens;
import dev.agenttraces.it.support.TaskboardServer;
import dev.agenttraces.it.support.TestDatabase;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Set;
import java.util.UUID;

import static dev.agenttraces.it.ingest.IngestClient.append;
import static dev.agenttraces.it.ingest.IngestClient.batch;
import static dev.agenttraces.it.ingest.IngestClient.json;
import static dev.agenttraces.it.ingest.IngestClient.step;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 9, finding 4b: sums across traces. Each trace stays under its own caps (a long of tokens, 10^12 USD), but
 * two of them on one task and agent add up to 10^19 tokens (more than a long) and $1.5 * 10^12 (more than
 * numeric(24, 12), the rollups' old cost column). Before, the second trace's batch was a 500 (rollup overflow),
 * and the top tasks and the cost widget failed for the whole board (a long read of the task's token sum).
 */
class SpendOverflowIT {

    static final long FIVE_EXA = 5_000_000_000_000_000_000L;
    /** gpt-4o-mini's seeded input price is $0.15 per 1M tokens: 5e18 tokens cost $7.5 * 10^11, under the trace cap. */
    static final String MODEL = "gpt-4o-mini";

    @Test
    void twoHugeTracesOnOneTaskAreStoredExactlyAndEveryReadAnswers() throws Exception {
        long board = Fixtures.board(Fixtures.unique("Overflow board"));
        long agent = Fixtures.agent(Fixtures.unique("Overflow agent"), MODEL, "openai");
        String title = Fixtures.unique("Overflow task");
        long task = Fixtures.reviewedTask(board, agent, title, "done");
        String viewer = Fixtures.unique("overflow-viewer").replace(' ', '-');
        Fixtures.user(viewer, "VIEWER", board);
        String token = IngestClient.token(false, agent);

        UUID[] traces = new UUID[2];
        for (int i = 0; i < traces.length; i++) {
            traces[i] = IngestClient.start(token, task, agent);
            HttpResponse<String> stored = append(token, traces[i], batch(step(1).add("type", "llm_call")
                    .add("model", MODEL).add("inputTokens", FIVE_EXA).add("outputTokens", 0).add("cachedInputTokens", 0)
                    .add("reasoningTokens", 0).add("startedAt", Instant.now().toString())));
            assertThat(stored.statusCode()).as("trace %d: %s", i + 1, stored.body()).isEqualTo(207);
            assertThat(json(stored).getJsonArray("results").getJsonObject(0).getString("status"))
                    .as(stored.body()).isEqualTo("created");
        }
        BigDecimal first = traceCost(traces[0]);
        BigDecimal total = first.add(traceCost(traces[1]));
        assertThat(first).as("priced near the cap").isGreaterThan(new BigDecimal("500000000000"));
        assertThat(total).as("the sum no longer fits numeric(24, 12)").isGreaterThanOrEqualTo(BigDecimal.TEN.pow(12));
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        assertThat(rollupCost(agent, board, today)).as("the agent's rollup row holds the exact sum").isEqualByComparingTo(total);

        Instant midnight = today.atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant now = Instant.now();
        String[] periods = {"from=" + midnight + "&to=" + midnight.plus(1, ChronoUnit.DAYS), // whole days: the rollups
                "from=" + now.minus(1, ChronoUnit.HOURS) + "&to=" + now.plus(1, ChronoUnit.HOURS)}; // the traces' totals
        for (String period : periods) {
            JsonObject top = json(read(viewer, "/top-tasks?limit=10&" + period));
            assertThat(top.getJsonArray("items")).as(period).hasSize(1);
            JsonObject item = top.getJsonArray("items").getJsonObject(0);
            assertThat(item.getJsonNumber("taskId").longValue()).isEqualTo(task);
            assertThat(new BigDecimal(item.getString("costUsd"))).as(period).isEqualByComparingTo(total);
            assertThat(item.getInt("traces")).isEqualTo(2);
            JsonObject spend = json(read(viewer, "/agents/" + agent + "/spend?" + period));
            assertThat(new BigDecimal(spend.getString("costUsd"))).as(period).isEqualByComparingTo(total);
        }

        HttpResponse<String> widget = IngestClient.send(HttpRequest.newBuilder(URI.create(HostTokens.signedUrl(
                TaskboardServer.start(), viewer, Set.of("VIEWER"), "/traces/cost-widget.xhtml?period=7"))).build());
        assertThat(widget.statusCode()).isEqualTo(200);
        assertThat(widget.body()).contains(title).contains("10,000,000,000,000,000,000");
    }

    private static HttpResponse<String> read(String user, String relative) {
        HttpResponse<String> r = IngestClient.get(relative, HostTokens.mint(user, Set.of("VIEWER"), "/traces/api/v1" + relative));
        assertThat(r.statusCode()).as(relative + ": " + r.body()).isEqualTo(200);
        return r;
    }

    private static BigDecimal traceCost(UUID trace) throws SQLException {
        return one("select cost_usd from trace where id = ?", trace);
    }

    private static BigDecimal rollupCost(long agent, long board, LocalDate day) throws SQLException {
        return one("select cost_usd from spend_agent_day where agent_id = ? and board_id = ? and spend_day = ?",
                agent, board, java.sql.Date.valueOf(day));
    }

    private static BigDecimal one(String sql, Object... params) throws SQLException {
        try (Connection c = TestDatabase.connect(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                assertThat(rs.next()).as(sql).isTrue();
                return rs.getBigDecimal(1);
            }
        }
    }
}
