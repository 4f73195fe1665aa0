package dev.agenttraces.it.views;

import dev.agenttraces.it.support.Fixtures;
import dev.agenttraces.it.support.TaskboardServer;
import dev.agenttraces.it.support.TestDatabase;
import dev.agenttraces.it.support.TestHttp;
import dev.agenttraces.it.support.TraceFixtures;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Benchmark, not a test of speed: it measures how long the task panel takes to render (request to
 * last byte over loopback, so an upper bound of server time) for a 1,000-step and a 200,000-step
 * flat trace and a 200,000-step tree (20,000 LLM calls with nine steps each under them), timeline and timing view ({@code &view=timing}), after warming up, and writes the numbers to target/benchmarks/trace-views.txt for
 * BENCHMARKS.md. It asserts only that the pages render the right trace. Run it alone:
 * {@code mvn -B verify -Pbench-views -Dit.test=TraceViewsBenchmarkIT ...} (profile bench-views; not part of the normal run) (see BENCHMARKS.md).
 */
@org.junit.jupiter.api.condition.EnabledIfSystemProperty(named = "bench.views", matches = "true")
class TraceViewsBenchmarkIT {

    static final int WARM_UP = 15;
    static final int RUNS = 40;

    @Test
    void taskPanelRenderTimes() throws Exception {
        String base = TaskboardServer.start();
        long board = Fixtures.board(Fixtures.unique("Bench board"));
        long agent = Fixtures.agent(Fixtures.unique("Bench agent"), "claude-sonnet-4-5", "anthropic");
        List<String> report = new ArrayList<>();
        for (int steps : new int[] {1_000, 200_000, -200_000}) {
            boolean tree = steps < 0;
            steps = Math.abs(steps);
            long task = Fixtures.reviewedTask(board, agent, Fixtures.unique("Bench " + steps), "ok");
            UUID trace = TraceFixtures.trace(task, agent, "COMPLETED", "claude-sonnet-4-5", Instant.now());
            long t0 = System.nanoTime();
            TraceFixtures.bulkSteps(trace, steps);
            if (tree) {
                // Every tenth step an LLM call, the nine after it in its branch: 20,000 branches to order.
                TestDatabase.update("update trace_step set parent_seq = seq - seq % 10 where trace_id = ?"
                        + " and seq % 10 <> 0 and seq > 10", trace);
            }
            long insertMs = (System.nanoTime() - t0) / 1_000_000;
            // What autovacuum does within its naptime after a bulk load: without fresh statistics the planner
            // takes trace_step for the 1,000-row table it was a moment ago and sorts all 200,000 steps for
            // each page (250-390 ms a view, seen 2026-12-02) where the primary key reads 50 rows.
            TestDatabase.update("analyze trace_step");
            String what = tree ? "task panel (tree)" : "task panel";
            HttpClient http = TestHttp.browser();
            String path = "/traces/task-panel.xhtml?task=" + task;
            String body = get(http, ViewerSession.url(base, path));
            assertThat(body).contains(trace.toString()).contains("of " + String.format(Locale.US, "%d", steps));
            if (tree) {
                assertThat(body).contains("at-branch-toggle");
            }
            report.add(measure(http, base, path, what, steps, insertMs));
            // The timing view: the same page of rows, each with its bar on the trace's time axis.
            String timing = path + "&view=timing";
            assertThat(get(http, ViewerSession.url(base, timing))).contains("at-axis").contains("at-track");
            report.add(measure(http, base, timing, tree ? "timing view (tree)" : "timing view", steps, insertMs));
        }
        Path out = Path.of(System.getProperty("java.io.tmpdir"), "benchmarks", "trace-views.txt");
        Files.createDirectories(out.getParent());
        Files.write(out, report);
        report.forEach(System.out::println);
    }

    /**
     * Warm-ups, then timed runs of one page. A plugin session lasts as long as the host's frame token that opened
     * it (two minutes), so the session is renewed with a fresh signed URL every ten requests, off the clock.
     */
    private static String measure(HttpClient http, String base, String path, String what, int steps, long insertMs)
            throws IOException, InterruptedException {
        String url = base + path;
        for (int i = 0; i < WARM_UP; i++) {
            get(http, i % 10 == 0 ? ViewerSession.url(base, path) : url);
        }
        List<Double> ms = new ArrayList<>();
        for (int i = 0; i < RUNS; i++) {
            if (i % 10 == 0) {
                get(http, ViewerSession.url(base, path));
            }
            long start = System.nanoTime();
            get(http, url);
            ms.add((System.nanoTime() - start) / 1e6);
        }
        Collections.sort(ms);
        double load = java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        return String.format(Locale.US, "%s, %,d-step trace (50 rows rendered): median %.1f ms, p95 %.1f ms,"
                + " min %.1f ms, max %.1f ms over %d runs (fixture insert %d ms; load average %.1f on %d cores)", what, steps,
                ms.get(RUNS / 2), ms.get((int) (RUNS * 0.95) - 1), ms.get(0), ms.get(RUNS - 1), RUNS, insertMs, load,
                Runtime.getRuntime().availableProcessors());
    }

    private static String get(HttpClient http, String url) throws IOException, InterruptedException {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(200);
        return r.body();
    }
}
