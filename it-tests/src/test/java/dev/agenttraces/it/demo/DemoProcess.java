package dev.agenttraces.it.demo;

import dev.agenttraces.it.support.TestHttp;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * {@code bin/demo} itself, started as a new user starts it (its own settings: H2 in memory, demo data,
 * simulated agents, the built-in dispatcher off), only with {@code DEMO_BUILD=off} (the reactor built the
 * target/ dirs already) and a port of the suite's. While it starts, {@code /health} is asked every second,
 * so the test can tell whether readiness ever said UP before the plugin was enabled.
 */
final class DemoProcess implements AutoCloseable {

    /** What bin/demo prints once the seed burst is in. */
    static final String READY = " READY  Taskboard:";

    final String base;
    final Path log;
    final Process process;
    /** /health answers seen while starting: status code and body. */
    final List<String> healthSeen = new ArrayList<>();
    Instant readyAt;

    private DemoProcess(String base, Path log, Process process) {
        this.base = base;
        this.log = log;
        this.process = process;
    }

    /**
     * A demo already running at {@code base} (system property {@code it.demo.attach}, for re-running the
     * checks against a bin/demo started by hand): nothing is started or stopped, READY counts from now.
     */
    static DemoProcess attach(String base) {
        DemoProcess demo = new DemoProcess(base, null, null);
        demo.readyAt = Instant.now();
        return demo;
    }

    boolean attached() {
        return process == null;
    }

    static DemoProcess start(int port) {
        Path root = Path.of("..").toAbsolutePath().normalize();
        Path log = Path.of(System.getProperty("java.io.tmpdir"), "demo-" + port + ".log");
        ProcessBuilder pb = new ProcessBuilder(root.resolve("bin/demo").toString()).directory(root.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        // The suites' PostgreSQL settings must not reach the demo: it runs on its own in-memory H2.
        pb.environment().keySet().removeIf(k -> k.startsWith("TASKBOARD_DB_"));
        pb.environment().put("TASKBOARD_PORT", String.valueOf(port));
        pb.environment().put("DEMO_BUILD", "off");
        try {
            return new DemoProcess("http://localhost:" + port, log, pb.start());
        } catch (IOException e) {
            throw new IllegalStateException("Cannot run bin/demo", e);
        }
    }

    /** Waits for READY (at most {@code limit}), asking /health every second meanwhile. */
    DemoProcess awaitReady(Duration limit) {
        HttpClient http = TestHttp.builder().connectTimeout(Duration.ofSeconds(2)).build();
        Instant deadline = Instant.now().plus(limit);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("bin/demo exited during start-up; see " + log);
            }
            if (output().contains(READY)) {
                readyAt = Instant.now();
                return this;
            }
            try {
                HttpResponse<String> health = http.send(HttpRequest.newBuilder(URI.create(base + "/health"))
                        .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
                healthSeen.add(health.statusCode() + " " + health.body());
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            pause();
        }
        throw new IllegalStateException("bin/demo not READY after " + limit + "; see " + log);
    }

    String output() {
        try {
            return log != null && Files.exists(log) ? Files.readString(log, StandardCharsets.ISO_8859_1) : "";
        } catch (IOException e) {
            return "";
        }
    }

    /** Seconds since READY. */
    long secondsSinceReady() {
        return Duration.between(readyAt, Instant.now()).toSeconds();
    }

    /** Ctrl-C as a user would: bin/demo's trap stops the server and the agents; the rest is made sure of. */
    @Override
    public void close() {
        if (attached()) {
            return;
        }
        List<ProcessHandle> children = process.descendants().toList();
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        children.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroy);
    }

    private static void pause() {
        try {
            Thread.sleep(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
