package dev.agenttraces.it.durability;

import dev.agenttraces.it.ingest.IngestClient;
import dev.agenttraces.it.support.Fixtures;
import dev.agenttraces.it.support.TaskboardServer;
import dev.agenttraces.it.support.TestHttp;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * kill -9 of Payara Micro during a retry storm, then a restart. A server of its own (host + plugin, on the
 * suites' port + 9) takes {@value #CLIENTS} clients writing {@value #TRACES} traces (half of them shared by two
 * clients), every batch sent twice or three times, shuffled ({@link RetryStorm}); each client records the seqs
 * of every request answered 2xx. Once about a third of the steps are in, the server process is killed
 * ({@link Process#destroyForcibly()}, SIGKILL) and every seq acknowledged by then must already be in the
 * database. A new server starts on the same port while the clients keep retrying with a short back-off
 * (connection errors, 503, and, until the new server is ready, whatever the container answers while the WARs
 * deploy, which a load balancer's health check would keep from them) until every batch is acknowledged; then
 * every acknowledged step is there, once, with exact trace totals and rollups.
 */
class CrashIT {

    static final int CLIENTS = 12;
    static final int TRACES = 8;
    static final int BATCHES = 24;
    static final int STEPS = 20;
    /** The clients' back-off: 250 ms after a failed try, doubled after each further one, at most 2 s. */
    static final long BACK_OFF_MS = 250;
    static final long MAX_BACK_OFF_MS = 2000;

    static final List<Process> servers = new CopyOnWriteArrayList<>();
    /** Set from just before the kill until the new server is ready. */
    static final AtomicBoolean restarting = new AtomicBoolean();
    static final Map<UUID, Set<Integer>> acknowledged = new ConcurrentHashMap<>();
    static final List<String> unexpected = new CopyOnWriteArrayList<>();
    static final LongAdder connectionErrors = new LongAdder();
    /**
     * Answers of the new server before it is ready: while the WARs deploy, the container answers the plugin's
     * paths itself (500, 404, or the host's redirect to its login page). Retried like 503; a persistent refusal
     * still shows once the server is ready, and is unexpected then.
     */
    static final LongAdder notReady = new LongAdder();
    static final HttpClient HTTP = TestHttp.builder()
            .connectTimeout(Duration.ofSeconds(2)).build();

    @AfterAll
    static void stopServers() {
        servers.forEach(TaskboardServer::stop);
    }

    @Test
    void aKilledServerLosesNoAcknowledgedStepAndTheRetriesCompleteWithoutDuplicates() throws Exception {
        int port = TaskboardServer.port() + 9;
        String base = "http://localhost:" + port;
        String api = base + "/traces/api/v1";
        launch(port, base);

        long board = Fixtures.board(Fixtures.unique("Crash board"));
        long[] agents = new long[4];
        long[] tasks = new long[agents.length];
        for (int i = 0; i < agents.length; i++) {
            agents[i] = Fixtures.agent(Fixtures.unique("Crash agent " + i), "claude-sonnet-4-5", "anthropic");
            tasks[i] = Fixtures.reviewedTask(board, agents[i], "Crash task " + i, "done");
        }
        String token = IngestClient.tokenInDatabase(false, agents);
        List<UUID> traces = new ArrayList<>();
        Map<UUID, Long> expected = new HashMap<>();
        for (int t = 0; t < TRACES; t++) {
            UUID trace = RetryStorm.start(api, token, tasks[t % agents.length], agents[t % agents.length], Instant.now());
            traces.add(trace);
            acknowledged.put(trace, ConcurrentHashMap.newKeySet());
            // client c writes share c / TRACES of trace c % TRACES: traces 0..3 get two shares, 4..7 one
            expected.put(trace, (long) (t < CLIENTS - TRACES ? 2 : 1) * BATCHES * STEPS);
        }
        long total = expected.values().stream().mapToLong(Long::longValue).sum();

        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        List<Future<?>> clients = new ArrayList<>();
        for (int c = 0; c < CLIENTS; c++) {
            List<RetryStorm.Send> sends = RetryStorm.sends(
                    List.of(new RetryStorm.Slot(traces.get(c % TRACES), c / TRACES, BATCHES)), STEPS, new Random(c));
            clients.add(pool.submit(() -> {
                for (RetryStorm.Send send : sends) {
                    deliver(api, token, send);
                }
                return null;
            }));
        }
        awaitStored(traces, total / 3);

        restarting.set(true);
        Process killed = servers.get(0);
        killed.destroyForcibly();
        assertThat(killed.waitFor(30, TimeUnit.SECONDS)).as("the server died").isTrue();
        Path log = TaskboardServer.logFile(port); // kept beside the new server's log
        Files.move(log, log.resolveSibling("taskboard-server-" + port + "-killed.log"), StandardCopyOption.REPLACE_EXISTING);
        Map<UUID, Set<Integer>> atCrash = new HashMap<>();
        acknowledged.forEach((trace, seqs) -> atCrash.put(trace, Set.copyOf(seqs)));
        long acknowledgedAtCrash = atCrash.values().stream().mapToLong(Set::size).sum();
        assertThat(acknowledgedAtCrash).as("steps acknowledged before the kill").isPositive().isLessThan(total);
        assertThat(RetryStorm.missing(atCrash)).as("acknowledged before the kill, not in the database").isEmpty();

        Instant relaunched = Instant.now();
        launch(port, base);
        restarting.set(false);
        System.out.printf("CrashIT: %d of %d steps acknowledged at the kill; new server ready after %d s%n",
                acknowledgedAtCrash, total, Duration.between(relaunched, Instant.now()).toSeconds());
        for (Future<?> f : clients) {
            f.get(150, TimeUnit.SECONDS);
        }
        pool.shutdown();

        assertThat(unexpected).as("answers other than 207 and 503 (%d while the new server deployed)", notReady.sum()).isEmpty();
        assertThat(connectionErrors.sum()).as("requests that met the dead server").isPositive();
        for (UUID trace : traces) {
            assertThat((long) acknowledged.get(trace).size()).as("acknowledged seqs of %s", trace).isEqualTo(expected.get(trace));
        }
        assertThat(RetryStorm.missing(acknowledged)).as("acknowledged, not in the database").isEmpty();
        RetryStorm.assertExact(expected, agents);
    }

    private static void launch(int port, String base) {
        Process server = TaskboardServer.launch(port, base + "/traces", true);
        servers.add(server);
        TaskboardServer.awaitReady(server, base, TaskboardServer.logFile(port), "\"ENABLED\"");
    }

    /**
     * Delivers one batch, retrying after a back-off until it is answered 207; records its seqs as acknowledged
     * then. Any other answer (or an item in error) is recorded as unexpected and ends the retries.
     */
    private static void deliver(String api, String token, RetryStorm.Send send) throws InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(api + send.path())).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.ofString(send.body())).build();
        for (long backOff = BACK_OFF_MS; ; backOff = Math.min(2 * backOff, MAX_BACK_OFF_MS)) {
            boolean restartingAtSend = restarting.get();
            try {
                HttpResponse<String> r = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 207) {
                    acknowledge(send, r.body());
                    return;
                }
                if (restartingAtSend || restarting.get()) {
                    notReady.increment();
                } else if (r.statusCode() != 503) {
                    unexpected.add(r.statusCode() + " " + r.body());
                    return;
                }
            } catch (IOException e) {
                connectionErrors.increment();
            }
            Thread.sleep(backOff); // the client's back-off before its retry
        }
    }

    private static void acknowledge(RetryStorm.Send send, String body) {
        JsonObject answer = Json.createReader(new StringReader(body)).readObject();
        for (JsonObject item : answer.getJsonArray("results").getValuesAs(JsonObject.class)) {
            String status = item.getString("status");
            if (!status.equals("created") && !status.equals("duplicate")) {
                unexpected.add("item " + item);
                return;
            }
        }
        Set<Integer> seqs = acknowledged.get(send.trace());
        for (int i = 0; i < send.steps(); i++) {
            seqs.add(send.firstSeq() + i);
        }
    }

    private static void awaitStored(List<UUID> traces, long steps) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(120);
        while (RetryStorm.storedSteps(traces) < steps) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("fewer than " + steps + " steps stored after 120 s; unexpected: " + unexpected);
            }
            Thread.sleep(100); // polling the database until the storm is a third through
        }
    }
}
