package dev.agenttraces.it.demo;

import dev.agenttraces.demo.agents.http.JsonHttp;
import dev.agenttraces.demo.agents.simulation.Settings;
import dev.agenttraces.demo.agents.simulation.Simulation;
import dev.agenttraces.it.support.Fixtures;
import dev.agenttraces.it.support.HostTokens;
import dev.agenttraces.it.support.TaskboardServer;
import dev.agenttraces.it.support.TestDatabase;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo's simulated agents against a real host + plugin, as bin/demo runs them: the simulator claims To
 * Do tasks through the host's demo agent API, sends its seed burst (JSON, and OTLP through the plugin's
 * receiver, falling back to JSON only should it not answer) and the 20,000-step trace, and the plugin's read
 * API then shows priced traces, a failed run and its retry on one task, a Done task's priced trace, an unpriced
 * sub-agent model, and the budget guard pausing the agent whose tiny budget the first traces used up. Every run the
 * simulator logs as sent over OTLP is stored from its spans, every JSON one without (the store's span ids). Runs on
 * a server of its own (port {@code it.server.port + 7}, database {@code it.db.url}) so the demo flags never reach
 * the shared one.
 */
class DemoAgentsIT {

    static final String AGENT_TOKEN = "it-demo-agent-token";
    static final String INGEST_TOKEN = "it-demo-ingest-token";

    /** Kept so the logger, and with it the handler, lives as long as the class. */
    static final Logger TASK_WORK = Logger.getLogger("dev.agenttraces.demo.agents.simulation.TaskWork");

    static Process server;
    static String base;
    static long board;
    /** The runs the simulator sent, from its own log. */
    static final List<SentRun> sent = new CopyOnWriteArrayList<>();
    static long coder;
    static long analyst;
    static long scout;
    static String admin;

    @BeforeAll
    static void runTheSeedBurst() {
        int port = Integer.getInteger("it.demo.port", TaskboardServer.port() + 7);
        base = "http://localhost:" + port;
        board = Fixtures.board(Fixtures.unique("Demo agents board"));
        coder = Fixtures.agent(Fixtures.unique("Coder"), "claude-sonnet-4-5", "anthropic");
        analyst = Fixtures.agent(Fixtures.unique("Analyst"), "gpt-4o", "openai");
        scout = Fixtures.agent(Fixtures.unique("Scout"), "gemini-2.5-flash", "google");
        update("update agent set monthly_budget_usd = 0.01 where id = " + coder);
        Fixtures.reviewedTask(board, scout, "Re-index the archive", "Done");
        admin = Fixtures.unique("demo-admin").replace(' ', '-');
        Fixtures.user(admin, "ADMIN");
        server = TaskboardServer.launch(port, base + "/traces", true, List.of("-Dtaskboard.demo-data.enabled=true",
                "-Dtaskboard.demo-data.refuse-real-data=false", "-Dagent.traces.demo-ingest-token.refuse-real-data=false",
                "-Dtaskboard.demo-agents.token=" + AGENT_TOKEN, "-Dagent.traces.demo-ingest-token=" + INGEST_TOKEN,
                "-Dtaskboard.plugin.traces.server-url=" + base + "/traces"));
        TaskboardServer.awaitReady(server, base, TaskboardServer.logFile(port), "\"ENABLED\"");
        for (int i = 0; i < 6; i++) {
            assertThat(post(base + "/api/demo/tasks", AGENT_TOKEN, Json.createObjectBuilder().add("boardId", board)
                    .add("title", "Demo IT task " + i).add("requiresApproval", i % 2 == 0).build().toString()).statusCode())
                    .isEqualTo(201);
        }
        Handler runs = new Handler() {
            @Override
            public void publish(LogRecord record) {
                sent.addAll(SentRun.in(String.valueOf(record.getMessage())));
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        TASK_WORK.addHandler(runs);
        try (Simulation simulation = new Simulation(new Settings(base, base + "/traces", AGENT_TOKEN, INGEST_TOKEN, true,
                false, Duration.ofMinutes(1), 20_000, Duration.ofSeconds(1), 11, Set.of(coder, analyst, scout)))) {
            simulation.run();
        } finally {
            TASK_WORK.removeHandler(runs);
        }
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            TaskboardServer.stop(server);
        }
    }

    @Test
    void the_demo_agent_api_is_refused_without_its_token() {
        assertThat(post(base + "/api/demo/agents/" + coder + "/claim", "wrong", "{}").statusCode()).isEqualTo(401);
    }

    @Test
    void every_agent_has_priced_traces_through_the_read_api() {
        for (long agent : List.of(coder, analyst, scout)) {
            JsonObject page = read("/agents/" + agent + "/traces?limit=100");
            assertThat(page.getInt("total")).as("traces of agent %d", agent).isPositive();
            assertThat(cost(page)).as("cost of agent %d", agent).isGreaterThan(BigDecimal.ZERO);
        }
        JsonObject spend = read("/agents/" + analyst + "/spend?from=2020-01-01T00:00:00Z&to=2100-01-01T00:00:00Z");
        assertThat(new BigDecimal(spend.getString("costUsd"))).isGreaterThan(BigDecimal.ZERO);
    }

    @Test
    void a_failed_run_and_its_retry_share_one_task_and_the_guard_then_pauses_the_over_budget_agent() {
        List<JsonObject> traces = items(read("/agents/" + coder + "/traces?limit=100"));
        JsonObject failed = traces.stream().filter(t -> t.getString("status").equals("failed")).findFirst().orElseThrow();
        assertThat(failed.getInt("errorCount")).isPositive();
        List<JsonObject> onTask = items(read("/tasks/" + failed.getJsonNumber("taskId").longValue() + "/traces"));
        assertThat(onTask).extracting(t -> t.getString("status")).contains("failed", "completed");
        assertThat(sql("select status from agent where id = " + coder)).isEqualTo("PAUSED");
        assertThat(sql("select paused_reason from agent where id = " + coder)).startsWith("Budget exhausted");
    }

    /**
     * Both public ingest paths carry the demo's runs. A step stored from an OTLP span keeps that span's id
     * ({@code trace_step.span_id}, V23) and the trace the run's id (the simulator makes the OTLP trace id of it);
     * a JSON API step never has a span id. Every run the simulator says it exported over OTLP must be stored so,
     * within 60 s, and the OpenAI agent's runs are all OTLP ones (nothing fell back to JSON).
     */
    @Test
    void the_runs_exported_over_otlp_are_stored_from_their_spans_and_the_json_runs_without() {
        assertThat(sent).as("runs the simulator sent").anyMatch(SentRun::otlp).anyMatch(r -> !r.otlp());
        Awaitility.await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> sent.forEach(run -> {
            assertThat(TestDatabase.single("select count(*) from trace where id = ?", run.traceId())).as("%s stored", run).isEqualTo(1);
            long fromSpans = TestDatabase.single("select count(*) from trace_step where trace_id = ? and span_id is not null", run.traceId());
            if (run.otlp()) {
                assertThat(fromSpans).as("steps of %s from spans", run).isPositive();
            } else {
                assertThat(fromSpans).as("steps of %s from spans", run).isZero();
            }
        }));
        assertThat(TestDatabase.single("select count(*) from trace t where t.agent_id = ? and not exists"
                + " (select 1 from trace_step s where s.trace_id = t.id and s.span_id is not null)", analyst))
                .as("the OpenAI agent's traces that did not come through OTLP").isZero();
        assertThat(TestDatabase.single("select count(*) from trace where agent_id = ?", analyst)).isPositive();

        UUID otlpRun = sent.stream().filter(SentRun::otlp).findFirst().orElseThrow().traceId();
        List<JsonObject> steps = read("/traces/" + otlpRun + "?limit=200").getJsonObject("steps").getJsonArray("items")
                .stream().map(JsonValue::asJsonObject).toList();
        assertThat(steps).as("the read API shows the spans of an OTLP run").anySatisfy(step ->
                assertThat(step.getString("spanId", "")).matches("[0-9a-f]{16}"));
    }

    @Test
    void a_task_the_demo_completed_shows_its_priced_trace() {
        long done = TestDatabase.single("select min(id) from task where board_id = ? and status = 'DONE'", board);
        List<JsonObject> traces = items(read("/tasks/" + done + "/traces"));
        assertThat(traces).as("traces of Done task %d", done).isNotEmpty()
                .anySatisfy(t -> assertThat(t.getString("status")).isEqualTo("completed"));
        assertThat(cost(read("/tasks/" + done + "/traces"))).isGreaterThan(BigDecimal.ZERO);
    }

    @Test
    void the_google_agent_has_the_twenty_thousand_step_trace_and_unpriced_sub_agent_steps() {
        List<JsonObject> traces = items(read("/agents/" + scout + "/traces?limit=100&sort=stepCount&order=desc"));
        assertThat(traces.getFirst().getInt("stepCount")).isEqualTo(20_000);
        assertThat(traces).anySatisfy(t -> assertThat(t.getInt("unpricedSteps")).isPositive());
    }

    private static BigDecimal cost(JsonObject page) {
        return items(page).stream().map(t -> t.isNull("costUsd") ? BigDecimal.ZERO : new BigDecimal(t.getString("costUsd")))
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    private static List<JsonObject> items(JsonObject page) {
        return page.getJsonArray("items").stream().map(JsonValue::asJsonObject).toList();
    }

    private static JsonObject read(String relative) {
        String pathAndQuery = "/traces/api/v1" + relative;
        HttpResponse<String> answer = new JsonHttp(HostTokens.mint(admin, Set.of("ADMIN"), pathAndQuery)).get(base + pathAndQuery);
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        return JsonHttp.parse(answer.body()).asJsonObject();
    }

    private static HttpResponse<String> post(String url, String token, String json) {
        return new JsonHttp(token).post(url, json);
    }

    private static String sql(String query) {
        try (Connection c = TestDatabase.connect(); PreparedStatement ps = c.prepareStatement(query); ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getString(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void update(String statement) {
        try (Connection c = TestDatabase.connect(); PreparedStatement ps = c.prepareStatement(statement)) {
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
