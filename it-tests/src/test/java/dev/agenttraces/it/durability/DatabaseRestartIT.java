package dev.agenttraces.it.durability;

import dev.agenttraces.it.ingest.IngestClient;
import dev.agenttraces.it.support.TcpRelay;
import dev.agenttraces.it.support.Fixtures;
import dev.agenttraces.it.support.HostTokens;
import dev.agenttraces.it.support.TaskboardServer;
import dev.agenttraces.it.support.TestDatabase;
import dev.agenttraces.it.support.TestHttp;
import dev.agenttraces.it.support.Users;
import jakarta.json.JsonObjectBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import static dev.agenttraces.it.ingest.IngestClient.batch;
import static dev.agenttraces.it.ingest.IngestClient.step;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The database goes away during ingest and comes back, as in a PostgreSQL restart: a server of its own (host +
 * plugin) reaches the database through a {@link TcpRelay}, four clients append batches without pause, and
 * the proxy drops every connection and refuses new ones for {@value #OUTAGE_SECONDS} s. While it is down every
 * request is answered 503 with Retry-After, never 500, and a plugin page shows the plugin's own "unavailable"
 * view, not the container's error page. When it is back the plugin recovers by itself (its pool replaces the
 * broken connections) within seconds, the clients' retries go through, and the database holds every step
 * exactly once. The OTLP receiver is asked too: an export sent while the database is away is answered 503 with
 * Retry-After (the OTLP spec's "retry later"), and the same export goes through once it is back. The server listens
 * on the suites' port + 7, the proxy on the suites' port + 8.
 */
class DatabaseRestartIT {

    static final int OUTAGE_SECONDS = 8;
    static final int CLIENTS = 4;
    static final int BATCHES = 30;
    static final int STEPS = 20;
    static final Duration RECOVERY = Duration.ofSeconds(20);

    static Process server;
    static TcpRelay proxy;
    /** When the database came back, and when a batch was first acknowledged after that. */
    static final AtomicReference<Instant> resumed = new AtomicReference<>();
    static final AtomicReference<Instant> firstAcknowledgedAfter = new AtomicReference<>();

    @AfterAll
    static void stop() {
        if (server != null) {
            TaskboardServer.stop(server);
        }
        if (proxy != null) {
            proxy.close();
        }
    }

    @Test
    void ingestAnswers503WhileTheDatabaseIsDownAndRecoversByItselfLosingNothing() throws Exception {
        URI db = URI.create(TestDatabase.url().substring("jdbc:".length()));
        proxy = new TcpRelay(TaskboardServer.port() + 8, db.getHost(), db.getPort());
        int port = TaskboardServer.port() + 7;
        String base = "http://localhost:" + port;
        String proxied = "jdbc:postgresql://127.0.0.1:" + proxy.port() + db.getPath();
        server = TaskboardServer.launch(port, base + "/traces", true, List.of(), Map.of("TASKBOARD_DB_URL", proxied));
        TaskboardServer.awaitReady(server, base, TaskboardServer.logFile(port), "\"ENABLED\"");
        String api = base + "/traces/api/v1";

        long board = Fixtures.board(Fixtures.unique("Restart board"));
        long agent = Fixtures.agent(Fixtures.unique("Restart agent"), "claude-sonnet-4-5", "anthropic");
        long task = Fixtures.reviewedTask(board, agent, Fixtures.unique("Restart task"), "done");
        String token = IngestClient.tokenInDatabase(false, agent);
        UUID trace = UUID.randomUUID();
        assertThat(IngestClient.post(api, "/traces", token, IngestClient.startBody(trace, task, agent)).statusCode()).isEqualTo(201);
        Users.ensure("restart-admin", "ADMIN");
        // A frame token is good once (the plugin remembers its jti), so every load of the panel signs a new link.
        Supplier<String> panel = () -> HostTokens.signedUrl(base, "restart-admin", Set.of("ADMIN"),
                "/traces/task-panel.xhtml?task=" + task);

        Map<Integer, Integer> statuses = new ConcurrentHashMap<>();
        AtomicBoolean missingRetryAfter = new AtomicBoolean();
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        List<Future<?>> clients = new ArrayList<>();
        for (int c = 0; c < CLIENTS; c++) {
            int client = c;
            clients.add(pool.submit(() -> send(api, token, trace, client, statuses, missingRetryAfter)));
        }
        awaitAcknowledged(trace, CLIENTS * STEPS);

        String otlpSpan = "00f067aa0ba902b7";
        String otlpTrace = UUID.randomUUID().toString().replace("-", "");
        String export = otlpExport(task, agent, otlpTrace, otlpSpan);
        proxy.cut();
        Instant down = Instant.now();
        HttpResponse<String> page = null;
        HttpResponse<String> otlpDown = null;
        while (Duration.between(down, Instant.now()).getSeconds() < OUTAGE_SECONDS) {
            page = get(panel.get());
            if (otlpDown == null || otlpDown.statusCode() != 503) {
                otlpDown = postOtlp(base, token, export);
            }
            Thread.sleep(500); // pacing the page probe while the outage lasts
        }
        proxy.resume();
        resumed.set(Instant.now());
        assertThat(page).isNotNull();
        assertThat(page.statusCode()).as(page.body()).isEqualTo(503);
        assertThat(page.headers().firstValue("Retry-After")).isPresent();
        assertThat(page.body()).contains("at-unavailable").doesNotContain("HTTP Status");
        assertThat(otlpDown.statusCode()).as("an OTLP export while the database is away: " + otlpDown.body()).isEqualTo(503);
        assertThat(otlpDown.headers().firstValue("Retry-After")).as("OTLP's retry hint").hasValueSatisfying(
                v -> assertThat(Integer.parseInt(v)).isPositive());
        assertThat(otlpDown.body()).as("a Status body, not the container's error page").contains("\"message\"")
                .doesNotContain("HTTP Status");

        for (Future<?> f : clients) {
            f.get();
        }
        pool.shutdown();
        assertThat(firstAcknowledgedAfter.get()).as("a batch acknowledged after the database came back").isNotNull();
        assertThat(Duration.between(resumed.get(), firstAcknowledgedAfter.get()))
                .as("time from the database's return to the first acknowledged batch").isLessThan(RECOVERY);
        assertThat(get(base + "/health").statusCode()).as("health after recovery").isEqualTo(200);
        assertThat(get(panel.get()).statusCode()).isEqualTo(200);

        HttpResponse<String> otlpBack = postOtlp(base, token, export);
        for (int retry = 0; otlpBack.statusCode() == 503 && retry < RECOVERY.getSeconds(); retry++) {
            Thread.sleep(1000); // as Retry-After asks
            otlpBack = postOtlp(base, token, export);
        }
        assertThat(otlpBack.statusCode()).as("the OTLP export retried after the database came back: " + otlpBack.body())
                .isEqualTo(200);
        assertThat(otlpBack.body()).doesNotContain("rejectedSpans");
        try (Connection c = TestDatabase.connect();
             PreparedStatement ps = c.prepareStatement("select type, input_tokens from trace_step where span_id = ?")) {
            ps.setString(1, otlpSpan);
            try (ResultSet rs = ps.executeQuery()) {
                assertThat(rs.next()).as("the exported span is stored").isTrue();
                assertThat(rs.getString(1)).isEqualTo("LLM_CALL");
                assertThat(rs.getLong(2)).isEqualTo(120);
                assertThat(rs.next()).as("once").isFalse();
            }
        }

        assertThat(statuses.keySet()).as("statuses seen").containsOnly(207, 503);
        assertThat(statuses.get(503)).as("requests refused while the database was down").isPositive();
        assertThat(missingRetryAfter).as("a 503 without Retry-After").isFalse();
        try (Connection c = TestDatabase.connect();
             PreparedStatement ps = c.prepareStatement(
                     "select count(*), count(distinct seq), (select step_count from trace where id = ?) from trace_step where trace_id = ?")) {
            ps.setObject(1, trace);
            ps.setObject(2, trace);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                assertThat(rs.getLong(1)).as("steps stored").isEqualTo((long) CLIENTS * BATCHES * STEPS);
                assertThat(rs.getLong(2)).as("distinct seqs").isEqualTo((long) CLIENTS * BATCHES * STEPS);
                assertThat(rs.getLong(3)).as("the trace's step count").isEqualTo((long) CLIENTS * BATCHES * STEPS);
            }
        }
    }

    /** One client's batches, each retried after 503 (as Retry-After asks, at most a second here) until acknowledged. */
    private static Void send(String api, String token, UUID trace, int client, Map<Integer, Integer> statuses,
                             AtomicBoolean missingRetryAfter) throws InterruptedException {
        for (int b = 0; b < BATCHES; b++) {
            int firstSeq = (client * BATCHES + b) * STEPS;
            JsonObjectBuilder[] steps = new JsonObjectBuilder[STEPS];
            for (int i = 0; i < STEPS; i++) {
                steps[i] = step(firstSeq + i).add("model", "claude-sonnet-4-5");
            }
            String body = batch(steps);
            while (true) {
                HttpResponse<String> r = IngestClient.post(api, "/traces/" + trace + "/steps", token, body);
                statuses.merge(r.statusCode(), 1, Integer::sum);
                if (r.statusCode() == 207) {
                    if (resumed.get() != null) {
                        firstAcknowledgedAfter.compareAndSet(null, Instant.now());
                    }
                    break;
                }
                if (r.statusCode() != 503) {
                    return null; // recorded; the assertion on statuses reports it
                }
                if (r.headers().firstValue("Retry-After").isEmpty()) {
                    missingRetryAfter.set(true);
                }
                Thread.sleep(1000); // the client's back-off, as Retry-After asks
            }
        }
        return null;
    }

    private static void awaitAcknowledged(UUID trace, long steps) throws Exception {
        Instant deadline = Instant.now().plusSeconds(120);
        while (Instant.now().isBefore(deadline)) {
            try (Connection c = TestDatabase.connect();
                 PreparedStatement ps = c.prepareStatement("select count(*) from trace_step where trace_id = ?")) {
                ps.setObject(1, trace);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    if (rs.getLong(1) >= steps) {
                        return;
                    }
                }
            }
            Thread.sleep(200); // polling the database for the first acknowledged batches
        }
        throw new AssertionError("ingest did not start within 120 s");
    }

    /** An OTLP/JSON export of one LLM call of 120 input tokens, on the task and agent. */
    private static String otlpExport(long task, long agent, String traceId, String spanId) {
        return """
                {"resourceSpans": [{"resource": {"attributes": [
                    {"key": "taskboard.task.id", "value": {"intValue": "%d"}},
                    {"key": "taskboard.agent.id", "value": {"intValue": "%d"}}]},
                  "scopeSpans": [{"spans": [{"traceId": "%s", "spanId": "%s", "parentSpanId": "00000000000000aa",
                    "name": "chat", "startTimeUnixNano": "1772442001000000000", "endTimeUnixNano": "1772442002000000000",
                    "attributes": [{"key": "gen_ai.operation.name", "value": {"stringValue": "chat"}},
                      {"key": "gen_ai.request.model", "value": {"stringValue": "claude-sonnet-4-5"}},
                      {"key": "gen_ai.usage.input_tokens", "value": {"intValue": "120"}}]}]}]}]}
                """.formatted(task, agent, traceId, spanId);
    }

    private static HttpResponse<String> postOtlp(String base, String token, String body) throws Exception {
        return TestHttp.client().send(
                HttpRequest.newBuilder(URI.create(base + "/traces/v1/traces")).timeout(Duration.ofSeconds(60))
                        .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> get(String url) throws Exception {
        return TestHttp.client().send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
