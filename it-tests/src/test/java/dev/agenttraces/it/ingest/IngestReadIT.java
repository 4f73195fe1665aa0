package dev.agenttraces.it.ingest;

import dev.agenttraces.it.support.Fixtures;
import dev.agenttraces.it.support.HostTokens;
import dev.agenttraces.it.support.TestDatabase;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Set;
import java.util.UUID;

import static dev.agenttraces.it.ingest.IngestClient.append;
import static dev.agenttraces.it.ingest.IngestClient.batch;
import static dev.agenttraces.it.ingest.IngestClient.json;
import static dev.agenttraces.it.ingest.IngestClient.post;
import static dev.agenttraces.it.ingest.IngestClient.step;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The read API follows board membership, totals included: a member of board A never sees, nor counts,
 * the traces of board B's tasks; an admin (as the host's budget check is) sees everything.
 */
class IngestReadIT {

    /** Budgets count traces by the server's receive time (now), not by their startedAt (January 2026). */
    static final java.time.Instant TODAY = java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.DAYS);
    /** Top tasks and timelines stay by startedAt: the month the traces say they ran in. */
    static final String STARTED = "from=2026-01-01T00:00:00Z&to=2026-02-01T00:00:00Z";
    /** Budget spend counts by the server's receive time: the traces arrive today. */
    static final String PERIOD = "from=" + TODAY.minus(java.time.Duration.ofDays(1)) + "&to=" + TODAY.plus(java.time.Duration.ofDays(2));

    long agent;
    long taskA;
    long taskB;
    String member;
    String admin;
    UUID traceB;

    @BeforeEach
    void fixtures() {
        long boardA = Fixtures.board(Fixtures.unique("Read board A"));
        long boardB = Fixtures.board(Fixtures.unique("Read board B"));
        agent = Fixtures.agent(Fixtures.unique("Read agent"), "test-model", "test-provider");
        taskA = Fixtures.reviewedTask(boardA, agent, "Visible task", "done");
        taskB = Fixtures.reviewedTask(boardB, agent, "Hidden task", "done");
        member = Fixtures.unique("member").replace(' ', '-');
        Fixtures.user(member, "VIEWER", boardA);
        admin = Fixtures.unique("admin").replace(' ', '-');
        Fixtures.user(admin, "ADMIN");
        String token = IngestClient.token(false, agent);
        traceIn(token, taskA, 2);
        traceIn(token, taskA, 3);
        traceB = traceIn(token, taskB, 4);
    }

    private static UUID traceIn(String token, long task, int steps) {
        UUID id = UUID.randomUUID();
        long agentId = agentOf(task);
        HttpResponse<String> r = post("/traces", token, "{\"id\":\"" + id + "\",\"taskId\":" + task + ",\"agentId\":"
                + agentId + ",\"startedAt\":\"2026-01-15T10:00:00Z\"}");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        var builders = new jakarta.json.JsonObjectBuilder[steps];
        for (int i = 0; i < steps; i++) {
            builders[i] = step(i + 1);
        }
        assertThat(json(append(token, id, batch(builders))).getInt("created")).isEqualTo(steps);
        return id;
    }

    private static long agentOf(long task) {
        return sql("select assignee_agent_id from task where id = " + task).longValue();
    }

    private static BigDecimal sql(String query) {
        try (Connection c = TestDatabase.connect(); PreparedStatement ps = c.prepareStatement(query);
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getBigDecimal(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static HttpResponse<String> read(String user, String role, String relative) {
        String pathAndQuery = "/traces/api/v1" + relative;
        return IngestClient.get(relative, HostTokens.mint(user, Set.of(role), pathAndQuery));
    }

    @Test
    void spendCountsOnlyVisibleTracesAndAdminsSeeAll() {
        JsonObject mine = json(read(member, "VIEWER", "/agents/" + agent + "/spend?" + PERIOD));
        assertThat(mine.getInt("traces")).isEqualTo(2);
        assertThat(mine.getInt("agentId")).isEqualTo((int) agent);
        BigDecimal visibleCost = sql("select coalesce(sum(t.cost_usd), 0) from trace t where t.task_id = " + taskA);
        assertThat(new BigDecimal(mine.getString("costUsd"))).isEqualByComparingTo(visibleCost);
        assertThat(mine.getInt("unpricedSteps")).isEqualTo(
                sql("select sum(unpriced_steps) from trace where task_id = " + taskA).intValue());

        JsonObject all = json(read(admin, "ADMIN", "/agents/" + agent + "/spend?" + PERIOD));
        assertThat(all.getInt("traces")).isEqualTo(3);
        assertThat(all.getString("from")).isEqualTo(TODAY.minus(java.time.Duration.ofDays(1)).toString());

        JsonObject outside = json(read(admin, "ADMIN", "/agents/" + agent
                + "/spend?from=2026-01-01T00:00:00Z&to=2026-02-01T00:00:00Z"));
        assertThat(outside.getInt("traces")).isZero();
        assertThat(outside.getString("costUsd")).isEqualTo("0");
    }

    @Test
    void everyAnswerSaysItsServerTime() {
        HttpResponse<String> spend = read(member, "VIEWER", "/agents/" + agent + "/spend?" + PERIOD);
        assertThat(spend.headers().firstValue("Server-Timing"))
                .hasValueSatisfying(t -> assertThat(t).matches("app;dur=[0-9]+\\.[0-9]"));
    }

    @Test
    void hiddenTracesAndTasksAreNotFoundForNonMembers() {
        assertThat(read(member, "VIEWER", "/traces/" + traceB).statusCode()).isEqualTo(404);
        assertThat(read(member, "VIEWER", "/tasks/" + taskB + "/traces").statusCode()).isEqualTo(404);
        assertThat(json(read(member, "VIEWER", "/tasks/" + taskA + "/traces")).getJsonArray("items")).hasSize(2);

        JsonObject export = json(read(admin, "ADMIN", "/traces/" + traceB + "?offset=1&limit=2"));
        assertThat(export.getInt("stepCount")).isEqualTo(4);
        JsonObject steps = export.getJsonObject("steps");
        assertThat(steps.getInt("total")).isEqualTo(4);
        assertThat(steps.getJsonArray("items")).hasSize(2);
        assertThat(steps.getJsonArray("items").getJsonObject(0).getInt("seq")).isEqualTo(2);
        assertThat(steps.getJsonArray("items").getJsonObject(0).getString("toolInput")).contains("TODO");
    }

    @Test
    void agentTracesArePagedSortedAndFiltered() {
        JsonObject page = json(read(member, "VIEWER", "/agents/" + agent + "/traces?sort=stepCount&order=asc&limit=1"));
        assertThat(page.getInt("total")).isEqualTo(2);
        assertThat(page.getJsonArray("items")).hasSize(1);
        assertThat(page.getJsonArray("items").getJsonObject(0).getInt("stepCount")).isEqualTo(2);

        JsonObject top = json(read(member, "VIEWER", "/top-tasks?" + STARTED + "&limit=5"));
        assertThat(top.getJsonArray("items")).extracting(v -> v.asJsonObject().getInt("taskId")).contains((int) taskA)
                .doesNotContain((int) taskB);
        JsonObject topAll = json(read(admin, "ADMIN", "/top-tasks?" + STARTED + "&limit=1000"));
        assertThat(topAll.getJsonArray("items")).extracting(v -> v.asJsonObject().getInt("taskId")).contains((int) taskB);
    }

    @Test
    void readsNeedAHostTokenAndValidParameters() {
        HttpResponse<String> anonymous = IngestClient.get("/agents/" + agent + "/spend?" + PERIOD, null);
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));

        HttpResponse<String> badFrom = read(admin, "ADMIN", "/agents/" + agent + "/spend?from=yesterday&to=2026-02-01T00:00:00Z");
        assertThat(badFrom.statusCode()).isEqualTo(400);
        assertThat(json(badFrom).getString("field")).isEqualTo("from");
        HttpResponse<String> badSort = read(admin, "ADMIN", "/agents/" + agent + "/traces?sort=name");
        assertThat(json(badSort).getString("field")).isEqualTo("sort");
    }
}
