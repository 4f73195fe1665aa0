package dev.agenttraces.it.security;

import dev.agenttraces.it.ingest.IngestClient;
import dev.agenttraces.it.support.Fixtures;
import dev.agenttraces.it.support.HostTokens;
import dev.agenttraces.it.support.TaskboardServer;
import dev.agenttraces.it.support.TestDatabase;
import dev.agenttraces.it.support.Users;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 9: hostile input over every endpoint, against PostgreSQL through the real servers. Every case is
 * answered with a 4xx problem+json naming the field (when the problem is a field), or with a per-item error
 * naming the field inside a 207 (the batch's good item stored beside it), never a 5xx. Afterwards the
 * database holds exactly what was acknowledged. The cases: {@link HostileCases}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostileInputIT {

    /** One hostile request, what it must get (status; for a 207 the refused item's field), and its name. */
    record Case(Supplier<HttpResponse<String>> call, int status, String field) {
    }

    final HostileCases cases = new HostileCases();
    final Map<UUID, AtomicInteger> acknowledgedSteps = new ConcurrentHashMap<>();
    final AtomicInteger acknowledgedStarts = new AtomicInteger();

    @BeforeAll
    void fixtures() {
        cases.setUp();
        acknowledgedStarts.set(cases.startsInSetUp);
        cases.stepsInSetUp.forEach((trace, n) -> acknowledgedSteps.computeIfAbsent(trace, k -> new AtomicInteger()).addAndGet(n));
    }

    Stream<Named<Case>> apiCases() {
        return cases.all().entrySet().stream().map(e -> Named.of(e.getKey(), e.getValue()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("apiCases")
    void isRefusedByFieldNeverWithA5xx(Case c) {
        HttpResponse<String> r = c.call().get();
        assertThat(r.statusCode()).as(r.body()).isLessThan(500).isEqualTo(c.status());
        if (r.statusCode() == 201) {
            acknowledgedStarts.incrementAndGet();
            return;
        }
        if (r.statusCode() == 207) {
            JsonArray items = IngestClient.json(r).getJsonArray("results");
            UUID trace = UUID.fromString(r.request().uri().getPath().split("/")[5]);
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
        if (r.statusCode() >= 400 && r.request().uri().getPath().startsWith("/traces/api/")) {
            assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
            JsonObject problem = IngestClient.json(r);
            assertThat(problem.getInt("status")).isEqualTo(r.statusCode());
            if (c.field() != null) {
                assertThat(problem.getString("field", null)).as(r.body()).isEqualTo(c.field());
            }
        }
    }

    Stream<Named<Supplier<HttpResponse<String>>>> pageCases() throws Exception {
        return new HostilePages(cases).all().entrySet().stream().map(e -> Named.of(e.getKey(), e.getValue()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("pageCases")
    void pagesAndTheFrameUrlServletNeverAnswer5xx(Supplier<HttpResponse<String>> call) {
        HttpResponse<String> r = call.get();
        assertThat(r.statusCode()).as(r.body()).isLessThan(500); // nothing stored: see the database check
    }

    @Test
    void theExportCutsHugeStepsAndSaysSo() {
        HttpResponse<String> r = IngestClient.get("/traces/" + cases.bigTrace, cases.readToken("/traces/api/v1/traces/" + cases.bigTrace));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        JsonObject step = IngestClient.json(r).getJsonObject("steps").getJsonArray("items").getJsonObject(0);
        assertThat(step.getString("content")).hasSize(4096);
        assertThat(step.getJsonArray("truncated").getString(0)).isEqualTo("content");
    }

    @Test
    void aBackDatedTraceCountsInTheCurrentBudgetPeriod() {
        String path = "/traces/api/v1/agents/" + cases.agent + "/spend";
        java.time.Instant now = java.time.Instant.now();
        String query = "?from=" + now.minusSeconds(3600) + "&to=" + now.plusSeconds(3600);
        JsonObject spend = IngestClient.json(IngestClient.get("/agents/" + cases.agent + "/spend" + query,
                HostTokens.mint("taskboard-host", Set.of("ADMIN"), path + query)));
        assertThat(spend.getInt("traces")).as("traces started in 2020 count when received: " + spend).isPositive();
    }

    @AfterAll
    void theDatabaseHoldsExactlyWhatWasAcknowledged() throws Exception {
        try (Connection c = TestDatabase.connect()) {
            assertThat(count(c, "select count(*) from trace where agent_id = ?", cases.agent))
                    .as("traces of the suite's agent").isEqualTo(acknowledgedStarts.get());
            for (Map.Entry<UUID, AtomicInteger> e : acknowledgedSteps.entrySet()) {
                assertThat(count(c, "select count(*) from trace_step where trace_id = ?", e.getKey()))
                        .as("steps of trace " + e.getKey()).isEqualTo(e.getValue().get());
            }
            // The 10,000-character name is cut to the field's maxlength (200) by PrimeFaces on decode, and may be
            // stored so; every other hostile form must store nothing.
            assertThat(count(c, "select count(*) from ingest_token where name like ? and name not like 'hostile-nnnn%'",
                    HostileCases.MARKER + "%")).as("admin tokens created by hostile forms").isZero();
            assertThat(count(c, "select count(*) from ingest_token where length(name) > ?", 200)).isZero();
        }
    }

    private static long count(Connection c, String sql, Object key) throws Exception {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setObject(1, key);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
