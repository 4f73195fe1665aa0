package dev.agenttraces.it.security;

import dev.agenttraces.it.ingest.IngestClient;
import dev.agenttraces.it.support.Fixtures;
import dev.agenttraces.it.support.HostTokens;
import dev.agenttraces.it.support.TestDatabase;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 9: hostile input over every endpoint, against PostgreSQL through the real servers. Every API case is
 * answered with a 4xx problem+json naming the field (when the problem is a field), or with a per-item error
 * naming the field inside a 207 (the batch's good item stored beside it); an OTLP export with an OTLP Status,
 * or 200 naming its refused span; the plugin's servlets and pages with their exact status (a page with the
 * message it shows), the host's frame-url with problem+json naming the parameter; never a 5xx. Afterwards the
 * database holds exactly what was acknowledged. The cases: {@link HostileCases}, {@link HostilePages}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostileInputIT {

    /**
     * One hostile request and what it must get: the status and, for an API refusal or a 207, the field named; for
     * an OTLP span refusal, a page or the frame-url servlet, what the answer names (message text or problem field).
     */
    record Case(Supplier<HttpResponse<String>> call, int status, String field) {
    }

    final HostileCases cases = new HostileCases();
    final Map<UUID, AtomicInteger> acknowledgedSteps = new ConcurrentHashMap<>();
    final AtomicInteger acknowledgedStarts = new AtomicInteger();
    long revokedBefore;

    @BeforeAll
    void fixtures() throws Exception {
        cases.setUp();
        acknowledgedStarts.set(cases.startsInSetUp);
        cases.stepsInSetUp.forEach((trace, n) -> acknowledgedSteps.computeIfAbsent(trace, k -> new AtomicInteger()).addAndGet(n));
        try (Connection c = TestDatabase.connect()) {
            revokedBefore = TestDatabase.single(c, "select count(*) from ingest_token where revoked_at is not null");
        }
    }

    Stream<Named<Case>> apiCases() {
        return cases.all().entrySet().stream().map(e -> Named.of(e.getKey(), e.getValue()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("apiCases")
    void isRefusedByFieldNeverWithA5xx(Case c) {
        HttpResponse<String> r = c.call().get();
        assertThat(r.statusCode()).as(r.body()).isLessThan(500).isEqualTo(c.status());
        String path = r.request().uri().getPath();
        if (path.equals(HostileOtlp.PATH)) {
            otlpRefusal(r, c);
            return;
        }
        if (!path.startsWith("/traces/api/")) {
            // the session-renewal and step-output servlets: the exact status is the answer; no step leaks
            assertThat(r.body()).doesNotContain("xxxxxxxx");
            return;
        }
        if (r.statusCode() == 201) {
            acknowledgedStarts.incrementAndGet();
            return;
        }
        if (r.statusCode() == 207) {
            JsonArray items = IngestClient.json(r).getJsonArray("results");
            UUID trace = UUID.fromString(path.split("/")[5]);
            int created = 0;
            boolean refusedNamed = false;
            for (JsonObject item : items.getValuesAs(JsonObject.class)) {
                if ("created".equals(item.getString("status"))) {
                    created++;
                } else if ("error".equals(item.getString("status"))) {
                    refusedNamed |= c.field().equals(item.getString("field", null));
                }
            }
            assertThat(refusedNamed).as("an item refused naming " + c.field() + ": " + r.body()).isTrue();
            assertThat(created).as("the good item beside it is stored").isPositive();
            acknowledgedSteps.computeIfAbsent(trace, k -> new AtomicInteger()).addAndGet(created);
            return;
        }
        if (r.statusCode() >= 400) {
            assertProblem(r, c.field());
        }
    }

    /** OTLP's own answers: a Status for a refused export, 200 with the one span refused by name. */
    private static void otlpRefusal(HttpResponse<String> r, Case c) {
        if (r.statusCode() == 200) {
            JsonObject partial = IngestClient.json(r).getJsonObject("partialSuccess");
            assertThat(partial).as("the span is refused: " + r.body()).isNotNull();
            assertThat(partial.getString("rejectedSpans")).isEqualTo("1");
            assertThat(partial.getString("errorMessage")).contains(c.field());
        } else if (r.headers().firstValue("Content-Type").orElse("").startsWith("application/json")) {
            assertThat(IngestClient.json(r).getString("message")).as(r.body()).isNotBlank();
        } else {
            assertThat(r.headers().firstValue("Content-Type")).hasValue("application/x-protobuf");
            assertThat(r.body()).as("a google.rpc.Status").isNotEmpty();
        }
    }

    private static void assertProblem(HttpResponse<String> r, String field) {
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        JsonObject problem = IngestClient.json(r);
        assertThat(problem.getInt("status")).isEqualTo(r.statusCode());
        if (field != null) {
            assertThat(problem.getString("field", null)).as(r.body()).isEqualTo(field);
        }
    }

    Stream<Named<Case>> pageCases() {
        return new HostilePages(cases).all().entrySet().stream().map(e -> Named.of(e.getKey(), e.getValue()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("pageCases")
    void pagesAndTheFrameUrlServletAnswerExactlyNeverWithA5xx(Case c) {
        HttpResponse<String> r = c.call().get();
        assertThat(r.statusCode()).as(r.body()).isLessThan(500).isEqualTo(c.status()); // nothing stored: see the database check
        if (r.request().uri().getPath().equals("/plugins/frame-url") && r.statusCode() != 302) {
            assertProblem(r, c.field());
            assertThat(IngestClient.json(r).getString("detail")).isNotBlank();
        } else if (c.field() != null) {
            assertThat(r.body()).as("the page says what is wrong").contains(c.field());
        }
    }

    @Test
    void theExportCutsHugeStepsAndSaysSo() {
        HttpResponse<String> r = IngestClient.get("/traces/" + cases.bigTrace, cases.readToken("/traces/api/v1/traces/" + cases.bigTrace));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        JsonObject step = IngestClient.json(r).getJsonObject("steps").getJsonArray("items").getJsonObject(0);
        assertThat(step.getString("content")).hasSize(4096);
        assertThat(step.getJsonArray("truncated").getString(0)).isEqualTo("content");
    }

    /**
     * Finding 8a: an agent whose only trace claims to have started in 2020 still spends in the current budget
     * period (spend counts when it is received), and nothing moves into January 2020.
     */
    @Test
    void aBackDatedTraceCountsInTheCurrentBudgetPeriod() {
        long agent = Fixtures.agent(Fixtures.unique("Back-dating agent"), "gpt-4o", "openai");
        long task = Fixtures.reviewedTask(cases.boardA, agent, "Back-dated task", "done");
        String token = IngestClient.token(false, agent);
        UUID trace = UUID.randomUUID();
        assertThat(IngestClient.post("/traces", token, "{\"id\":\"" + trace + "\",\"taskId\":" + task + ",\"agentId\":" + agent
                + ",\"model\":\"gpt-4o\",\"startedAt\":\"2020-01-01T00:00:00Z\"}").statusCode()).isEqualTo(201);
        // the step itself is dated now: a 2020 step would find no gpt-4o price in effect then, and be unpriced
        HttpResponse<String> step = IngestClient.append(token, trace, "{\"steps\":[{\"seq\":1,\"type\":\"llm_call\",\"model\":\"gpt-4o\","
                + "\"inputTokens\":100000,\"outputTokens\":1000,\"startedAt\":\"" + Instant.now() + "\"}]}");
        assertThat(IngestClient.json(step).getJsonArray("results").getJsonObject(0).getString("status")).as(step.body()).isEqualTo("created");

        JsonObject current = IngestClient.json(serviceRead("/agents/spend")).getJsonArray("items").getValuesAs(JsonObject.class)
                .stream().filter(s -> s.getJsonNumber("agentId").longValue() == agent).findFirst().orElseThrow();
        assertThat(current.getInt("traces")).as("the 2020 trace counts when received: " + current).isEqualTo(1);
        assertThat(new BigDecimal(current.getString("costUsd"))).as("its priced step: " + current).isPositive();

        JsonObject january2020 = IngestClient.json(serviceRead("/agents/" + agent + "/spend?from=2020-01-01T00:00:00Z&to=2020-02-01T00:00:00Z"));
        assertThat(january2020.getInt("traces")).as("nothing spent in the claimed period: " + january2020).isZero();
        assertThat(new BigDecimal(january2020.getString("costUsd"))).isZero();
    }

    /** A read as the host's budget guard makes it, with its service token. */
    private static HttpResponse<String> serviceRead(String pathAndQuery) {
        HttpResponse<String> r = IngestClient.get(pathAndQuery, HostTokens.mint("taskboard-host", Set.of("ADMIN"), "/traces/api/v1" + pathAndQuery));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return r;
    }

    @AfterAll
    void theDatabaseHoldsExactlyWhatWasAcknowledged() throws Exception {
        try (Connection c = TestDatabase.connect()) {
            assertThat(TestDatabase.single(c, "select count(*) from trace where agent_id = ?", cases.agent))
                    .as("traces of the suite's agent").isEqualTo(acknowledgedStarts.get());
            for (Map.Entry<UUID, AtomicInteger> e : acknowledgedSteps.entrySet()) {
                assertThat(TestDatabase.single(c, "select count(*) from trace_step where trace_id = ?", e.getKey()))
                        .as("steps of trace " + e.getKey()).isEqualTo(e.getValue().get());
            }
            assertThat(TestDatabase.single(c, "select count(*) from trace where agent_id = ?", cases.otherAgent))
                    .as("traces of the agent no hostile token may write for").isZero();
            assertThat(TestDatabase.single(c, "select count(*) from trace t join task k on k.id = t.task_id where k.board_id = ?", cases.boardB))
                    .as("traces on board B: only the one the all-boards token started").isEqualTo(1);
            assertThat(TestDatabase.single(c, "select count(*) from trace_step s join trace t on t.id = s.trace_id join task k on k.id = t.task_id"
                    + " where k.board_id = ?", cases.boardB)).as("steps on board B").isZero();
            assertThat(TestDatabase.single(c, "select count(*) from ingest_token where name like ?", HostileCases.MARKER + "%"))
                    .as("admin tokens created by hostile forms, the 10,000-character name included").isZero();
            assertThat(TestDatabase.single(c, "select count(*) from ingest_token where length(name) > ?", 200)).isZero();
            assertThat(TestDatabase.single(c, "select count(*) from ingest_token where revoked_at is not null"))
                    .as("tokens revoked by hostile revokes").isEqualTo(revokedBefore);
            assertThat(TestDatabase.single(c, "select count(*) from model_price where model_pattern like ? or provider = 'hostile'",
                    "%" + HostileCases.MARKER + "%")).as("prices saved or imported by hostile forms").isZero();
        }
    }
}
