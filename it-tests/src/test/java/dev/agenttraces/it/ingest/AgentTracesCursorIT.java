package dev.agenttraces.it.ingest;

import dev.agenttraces.it.support.Fixtures;
import dev.agenttraces.it.support.HostTokens;
import dev.agenttraces.it.support.TaskboardServer;
import dev.agenttraces.it.support.TestDatabase;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static dev.agenttraces.it.ingest.IngestClient.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Keyset pages of an agent's traces ({@code cursor}): walking every page of every API sort, both orders, finds
 * every trace exactly once and in the same order as one unpaged read, although most traces share their key with
 * others (the id breaks the ties) and some have no duration or no waste (nulls are the smallest values).
 */
class AgentTracesCursorIT {

    static final int TRACES = 23;
    static final String[] STATUSES = {"COMPLETED", "FAILED", "RUNNING"};

    static long agent;
    static String admin;
    static final List<UUID> ALL = new ArrayList<>();

    @BeforeAll
    static void traces() throws SQLException {
        TaskboardServer.start(); // its deployment migrates the database
        long board = Fixtures.board(Fixtures.unique("Cursor board"));
        agent = Fixtures.agent(Fixtures.unique("Cursor agent"), "test-model", "test-provider");
        long task = Fixtures.reviewedTask(board, agent, "Cursor task", "done");
        admin = Fixtures.unique("admin").replace(' ', '-');
        Fixtures.user(admin, "ADMIN");
        Instant base = Instant.parse("2026-01-10T00:00:00Z");
        try (Connection c = TestDatabase.connect();
             PreparedStatement trace = c.prepareStatement("insert into trace (id, task_id, agent_id, status, started_at,"
                     + " received_at, duration_ms, step_count, cost_usd) values (?, ?, ?, ?, ?, ?, ?, ?, ?)");
             PreparedStatement insight = c.prepareStatement("insert into trace_insight (trace_id, settings_fingerprint,"
                     + " step_count, last_seq, waste_cost_usd, computed_at) values (?, 'cursor-it', 0, 0, ?, current_timestamp)")) {
            for (int i = 0; i < TRACES; i++) {
                UUID id = UUID.randomUUID();
                ALL.add(id);
                Timestamp started = Timestamp.from(base.plusSeconds(3600L * (i % 4)));
                trace.setObject(1, id);
                trace.setLong(2, task);
                trace.setLong(3, agent);
                trace.setString(4, STATUSES[i % 3]);
                trace.setTimestamp(5, started);
                trace.setTimestamp(6, started);
                trace.setObject(7, i % 5 == 0 ? null : 1000L * (i % 3), java.sql.Types.BIGINT);
                trace.setInt(8, i % 2);
                trace.setBigDecimal(9, new BigDecimal("0.5").multiply(BigDecimal.valueOf(i % 3)));
                trace.executeUpdate();
                if (i % 4 != 0) { // no insight row: waste is null for those
                    insight.setObject(1, id);
                    insight.setBigDecimal(2, new BigDecimal("0.1").multiply(BigDecimal.valueOf(i % 2)));
                    insight.executeUpdate();
                }
            }
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({"startedAt,asc", "startedAt,desc", "costUsd,asc", "costUsd,desc", "durationMs,asc", "durationMs,desc",
            "stepCount,asc", "stepCount,desc", "status,asc", "status,desc", "waste,asc", "waste,desc"})
    void walkingEveryPageByCursorFindsEveryTraceOnceInOrder(String sort, String order) {
        String list = "/agents/" + agent + "/traces?sort=" + sort + "&order=" + order;
        List<UUID> unpaged = ids(json(read(list + "&limit=1000")));
        assertThat(unpaged).containsExactlyInAnyOrderElementsOf(ALL);

        List<UUID> walked = new ArrayList<>();
        JsonObject page = json(read(list + "&limit=4"));
        assertThat(page.getInt("offset")).isZero();
        int pages = 1;
        walked.addAll(ids(page));
        while (page.containsKey("nextCursor")) {
            HttpResponse<String> next = read(list + "&limit=4&cursor=" + page.getString("nextCursor"));
            assertThat(next.statusCode()).as(next.body()).isEqualTo(200);
            page = json(next);
            assertThat(page.containsKey("offset")).isFalse();
            assertThat(page.getInt("total")).isEqualTo(TRACES);
            walked.addAll(ids(page));
            assertThat(++pages).as("pages").isLessThanOrEqualTo(TRACES);
        }
        assertThat(walked).as("every trace once, in the unpaged order").containsExactlyElementsOf(unpaged);
        assertThat(pages).isEqualTo((TRACES + 3) / 4);
    }

    @Test
    void badCursorsAreA400NamingTheCursor() {
        String list = "/agents/" + agent + "/traces?sort=costUsd&order=desc&limit=4";
        String cursor = json(read(list)).getString("nextCursor");
        for (String bad : List.of("not-a-cursor!", "a2V5c2V0", cursor.substring(0, cursor.length() - 3))) {
            assertProblem(read(list + "&cursor=" + bad));
        }
        assertProblem(read("/agents/" + agent + "/traces?sort=startedAt&order=desc&limit=4&cursor=" + cursor));
        assertProblem(read("/agents/" + agent + "/traces?sort=costUsd&order=asc&limit=4&cursor=" + cursor));
        assertProblem(read(list + "&offset=4&cursor=" + cursor));
    }

    private static void assertProblem(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(json(response).getString("field")).isEqualTo("cursor");
    }

    private static List<UUID> ids(JsonObject page) {
        return page.getJsonArray("items").stream().map(JsonValue::asJsonObject)
                .map(t -> UUID.fromString(t.getString("id"))).toList();
    }

    private static HttpResponse<String> read(String relative) {
        return IngestClient.get(relative, HostTokens.mint(admin, Set.of("ADMIN"), "/traces/api/v1" + relative));
    }
}
