package dev.agenttraces.it.scale;

import dev.agenttraces.it.ingest.IngestClient;
import dev.agenttraces.it.support.Fixtures;
import dev.agenttraces.it.support.HostHttpSession;
import dev.agenttraces.it.support.HostTokens;
import dev.agenttraces.it.support.TaskboardServer;
import dev.agenttraces.it.support.TestDatabase;
import dev.agenttraces.it.support.TestHttp;
import dev.agenttraces.it.support.Users;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Benchmark of issue 13's read targets, not a test of speed: grows the scale data set ({@link ScaleData}) to
 * {@code bench.scale.traces} traces (default 10,000) with {@code bench.scale.steps} steps each (default 20), then
 * times each read over loopback (request to last byte, an upper bound of server time; 5 warm-ups, 25 runs) and
 * writes the medians and p95s to target/benchmarks/scale-N.txt. Run it at 10k, then at the big size against the
 * same database, to get the ratio. It asserts only that the answers are the right pages. Profile bench-scale.
 */
@EnabledIfSystemProperty(named = "bench.scale", matches = "true")
class ScaleBenchmarkIT {

    static final int WARM_UP = 5;
    static final int RUNS = 25;
    static final String ADMIN = "scale-admin";

    private final List<String> report = new ArrayList<>();

    @Test
    void readTargets() throws Exception {
        String base = TaskboardServer.start();
        long target = Long.getLong("bench.scale.traces", 10_000);
        int steps = Integer.getInteger("bench.scale.steps", 20);
        double generated = ScaleData.grow(target, steps);
        long agent;
        long traces;
        try (Connection c = TestDatabase.connect()) {
            traces = ScaleData.traces(c);
            agent = ScaleData.single(c, "select min(id) from agent where name like '" + ScaleData.AGENT_PREFIX + "%'");
        }
        report.add(String.format(Locale.US, "data set: %,d scale traces x %d steps, %d agents, %d days (generated in %.0f s)",
                traces, steps, ScaleData.AGENTS, ScaleData.DAYS, generated));

        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        for (int days : new int[] {30, 90}) {
            String period = "from=" + today.minusDays(days - 1L).atStartOfDay(ZoneOffset.UTC).toInstant()
                    + "&to=" + today.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
            api("top tasks by cost, " + days + " days (API)", "/top-tasks?limit=10&" + period, "\"items\"");
        }
        Instant monthStart = today.withDayOfMonth(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        api("an agent's spend in its budget period (API the host asks before each dispatch)", "/agents/" + agent
                + "/spend?from=" + monthStart + "&to=" + today.withDayOfMonth(1).plusMonths(1).atStartOfDay(ZoneOffset.UTC)
                .toInstant(), "\"costUsd\"");
        api("every agent's budget-period spend in one read (API for the host's lists)", "/agents/spend", "\"items\"");
        Instant month = Instant.now().minusSeconds(30L * 86_400);
        for (String sort : new String[] {"costUsd", "startedAt"}) {
            api("one page of an agent's traces, sort " + sort + ", status completed, last 30 days (API)",
                    "/agents/" + agent + "/traces?limit=50&sort=" + sort + "&status=completed&from=" + month, "\"items\"");
        }

        Users.ensure(ADMIN, "ADMIN");
        for (String period : new String[] {"30", "90"}) {
            page(base, "cost widget page (top tasks + spend by agent + daily spend), " + period + " days",
                    "/traces/cost-widget.xhtml?period=" + period);
        }
        page(base, "agent tab page (budget gauge, 30-day chart, first page of traces)", "/traces/agent-tab.xhtml?agent=" + agent);

        String password = "scale-" + UUID.randomUUID();
        String user = Fixtures.unique("scale-host-admin");
        Users.create(user, password, "ADMIN");
        HostHttpSession host = new HostHttpSession(base);
        assertThat(host.login(user, password).statusCode()).isEqualTo(302);
        for (String path : new String[] {"/agents.xhtml", "/dashboard.xhtml"}) {
            time("host page " + path + " (" + ScaleData.AGENTS + "+ agents)", () -> {
                HttpResponse<String> r = host.get(path);
                assertThat(r.statusCode()).isEqualTo(200);
                assertThat(r.body()).contains(ScaleData.AGENT_PREFIX).doesNotContain("spend is unknown")
                        .doesNotContain("unknown of $");
                return r;
            });
        }
        if (Boolean.getBoolean("bench.scale.long-trace")) {
            longTraces(base, agent);
        }
        double load = java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        report.add(String.format(Locale.US, "load average at the end: %.2f on %d cores", load,
                Runtime.getRuntime().availableProcessors()));
        Path out = Path.of("target", "benchmarks", "scale-" + traces + ".txt");
        Files.createDirectories(out.getParent());
        Files.write(out, report);
        report.forEach(System.out::println);
    }

    /** The first page of a 1,000-step and of a 200,000-step trace, each alone on its task. */
    private void longTraces(String base, long agent) throws Exception {
        long board = Fixtures.board(Fixtures.unique("Scale long board"));
        for (int steps : new int[] {1_000, 200_000}) {
            long task = Fixtures.reviewedTask(board, agent, Fixtures.unique("Scale long " + steps), "ok");
            ScaleData.longTrace(task, agent, steps);
            page(base, "task panel, first page of a " + String.format(Locale.US, "%,d", steps) + "-step trace",
                    "/traces/task-panel.xhtml?task=" + task);
        }
    }

    private void api(String what, String relative, String expected) {
        time(what, () -> {
            HttpResponse<String> r = IngestClient.get(relative, HostTokens.mint(ADMIN, Set.of("ADMIN"), "/traces/api/v1" + relative));
            assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
            assertThat(r.body()).contains(expected);
            return r;
        });
    }

    /** A plugin page as the host's frame loads it: signed once, then the session carries on. */
    private void page(String base, String what, String path) throws Exception {
        HttpClient http = TestHttp.browser();
        get(http, HostTokens.signedUrl(base, ADMIN, Set.of("ADMIN"), path));
        time(what, () -> get(http, base + path));
    }

    private static HttpResponse<String> get(HttpClient http, String url) {
        try {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).as(url).isEqualTo(200);
            return r;
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * Times {@code request}: request to last byte over loopback, and for API answers also the server time their
     * {@code Server-Timing: app;dur=} header reports (pages have no such header: their body streams before the
     * render ends, so loopback request-to-last-byte is their server time's upper bound).
     */
    private void time(String what, Supplier<HttpResponse<String>> request) {
        for (int i = 0; i < WARM_UP; i++) {
            request.get();
        }
        List<Double> ms = new ArrayList<>();
        List<Double> server = new ArrayList<>();
        for (int i = 0; i < RUNS; i++) {
            long t0 = System.nanoTime();
            HttpResponse<String> r = request.get();
            ms.add((System.nanoTime() - t0) / 1e6);
            r.headers().firstValue("Server-Timing").map(ScaleBenchmarkIT::serverMs).ifPresent(server::add);
        }
        double load = java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        String line = String.format(Locale.US, "%s: median %.1f ms, p95 %.1f ms, min %.1f ms", what,
                percentile(ms, 50), percentile(ms, 95), percentile(ms, 0));
        if (server.size() == RUNS) {
            line += String.format(Locale.US, "; server time median %.1f ms, p95 %.1f ms, min %.1f ms",
                    percentile(server, 50), percentile(server, 95), percentile(server, 0));
        }
        report.add(line + String.format(Locale.US, " (load %.2f)", load));
        System.out.println(report.get(report.size() - 1));
    }

    /** The {@code dur} of {@code app;dur=12.3}. */
    static double serverMs(String header) {
        return Double.parseDouble(header.substring(header.indexOf("dur=") + 4).split("[,;]")[0]);
    }

    /** The nearest-rank percentile {@code p} (0 = the minimum) of {@code values}. */
    static double percentile(List<Double> values, int p) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int rank = Math.max(1, (int) Math.ceil(p / 100.0 * sorted.size()));
        return sorted.get(rank - 1);
    }
}
