package dev.agenttraces.it.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Host and plugin deployed together on one Payara Micro, exactly as the demo runs them (two WARs, host
 * first), for the browser suites and the HTTP-level tests. Started once per test JVM on first use and
 * stopped when the JUnit session closes. Payara Micro keeps running when one WAR fails to deploy, so
 * start-up waits until both the host page and the plugin's health check answer.
 */
public final class TaskboardServer {

    private static Process process;
    private static Path log;

    private TaskboardServer() {
    }

    /** The running server's process id (for RSS samples in the ingest benchmark), or -1. */
    public static synchronized long pid() {
        return process != null && process.isAlive() ? process.pid() : -1;
    }

    public static int port() {
        return Integer.getInteger("it.server.port", 18180);
    }

    public static String baseUrl() {
        return "http://localhost:" + port();
    }

    /** Starts the server unless it runs already; returns its base URL. */
    public static synchronized String start() {
        if (process != null && process.isAlive()) {
            return baseUrl();
        }
        log = logFile(port());
        process = launch(port(), "http://localhost:" + port() + "/traces", true, extraJvmOptions());
        Runtime.getRuntime().addShutdownHook(new Thread(TaskboardServer::stopIfRunning));
        awaitReady(process, baseUrl(), log, "\"ENABLED\"");
        return baseUrl();
    }

    /**
     * What {@code -Dit.server.jvm-options} adds to the shared server's JVM, split at spaces: e.g. a flight
     * recording of a benchmark ({@code -XX:StartFlightRecording=filename=…,settings=profile}, BENCHMARKS.md).
     */
    static List<String> extraJvmOptions() {
        String options = System.getProperty("it.server.jvm-options", "").strip();
        return options.isEmpty() ? List.of() : List.of(options.split("\\s+"));
    }

    /**
     * Starts a Payara Micro on {@code port} with the host and, if {@code withPlugin}, the plugin; the host
     * discovers plugins at {@code pluginServerUrl}. Host tokens are signed with the suites' test key and
     * the plugin checks them against the host's JWK Set, as in production.
     */
    public static Process launch(int port, String pluginServerUrl, boolean withPlugin) {
        return launch(port, pluginServerUrl, withPlugin, List.of());
    }

    /** As {@link #launch(int, String, boolean)}, with extra JVM options such as {@code -Dkey=value}. */
    public static Process launch(int port, String pluginServerUrl, boolean withPlugin, List<String> jvmOptions) {
        return launch(port, pluginServerUrl, withPlugin, jvmOptions, Map.of());
    }

    /**
     * As {@link #launch(int, String, boolean, List)}, with environment variables overridden, such as
     * {@code TASKBOARD_DB_URL} to reach the database through a {@link TcpRelay}.
     */
    public static Process launch(int port, String pluginServerUrl, boolean withPlugin, List<String> jvmOptions,
                                 Map<String, String> environment) {
        return launch(port, pluginServerUrl, withPlugin, jvmOptions, environment, List.of("--nocluster"));
    }

    /**
     * As {@link #launch(int, String, boolean, List, Map)}, with Payara Micro's cluster options in place of
     * {@code --nocluster}: a member of a Hazelcast cluster ({@code --clustername …}, see the cluster suite).
     */
    public static Process launch(int port, String pluginServerUrl, boolean withPlugin, List<String> jvmOptions,
                                 Map<String, String> environment, List<String> clusterOptions) {
        try {
            Path target = Path.of(System.getProperty("java.io.tmpdir"));
            Path root = Files.createTempDirectory(target, "micro-root");
            String keys = System.getProperty("it.keys.dir");
            List<String> cmd = new ArrayList<>(List.of(javaExecutable(), "-Xmx768m",
                    "-Djava.io.tmpdir=" + root,
                    "-Dtaskboard.plugins=" + pluginServerUrl,
                    "-Dtaskboard.contract.private-key-file=" + keys + "/host-private.pem",
                    "-Dagent.traces.host.jwks-url=http://localhost:" + port + "/.well-known/jwks.json",
                    // A blocked username stays blocked long enough for a test to see it (SECURITY.md).
                    "-Dtaskboard.login.throttle.user.base-delay-seconds=30",
                    // Every suite signs in from 127.0.0.1 and an address's failures are never reset by a success
                    // (SECURITY.md), so the suites' wrong-password cases would add up to a block of the address that
                    // refuses a later suite's valid sign-in. The address rule is unit-tested (LoginThrottleTest).
                    "-Dtaskboard.login.throttle.address.free-failures=1000000"));
            cmd.addAll(jvmOptions);
            cmd.addAll(List.of("-jar", System.getProperty("it.micro.jar")));
            cmd.addAll(clusterOptions);
            cmd.addAll(List.of("--port", String.valueOf(port), "--rootdir", root.resolve("micro").toString(),
                    "--deploy", System.getProperty("it.host.war")));
            if (withPlugin) {
                cmd.addAll(List.of("--deploy", System.getProperty("it.plugin.war")));
            }
            ProcessBuilder builder = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(logFile(port).toFile());
            builder.environment().putAll(environment);
            return builder.start();
        } catch (IOException e) {
            throw new IllegalStateException("Cannot start Payara Micro", e);
        }
    }

    public static Path logFile(int port) {
        return Path.of(System.getProperty("java.io.tmpdir"), "taskboard-server-" + port + ".log");
    }

    public static synchronized void stopIfRunning() {
        if (process != null) {
            stop(process);
        }
        process = null;
    }

    /**
     * Stops a server this class launched: gracefully, and forcibly if it is still alive after 20 s. A server that
     * ignores the graceful stop leaves its thread dump in {@code target/server-<pid>-stop-threads.txt} first, so a
     * hang in Payara's shutdown explains itself; a suite never waits on a server without a bound.
     */
    public static void stop(Process server) {
        if (!server.isAlive()) {
            return;
        }
        server.destroy();
        try {
            if (!server.waitFor(20, TimeUnit.SECONDS)) {
                dumpThreads(server);
                server.destroyForcibly();
                server.waitFor(20, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            server.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private static void dumpThreads(Process server) throws InterruptedException {
        Path dump = Path.of(System.getProperty("java.io.tmpdir"), "server-" + server.pid() + "-stop-threads.txt");
        String jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd").toString();
        try {
            Process p = new ProcessBuilder(jcmd, String.valueOf(server.pid()), "Thread.print")
                    .redirectErrorStream(true).redirectOutput(dump.toFile()).start();
            if (!p.waitFor(15, TimeUnit.SECONDS)) {
                p.destroyForcibly();
            }
        } catch (IOException e) {
            // no dump then; the forced stop still follows
        }
        System.err.println("Payara Micro " + server.pid() + " ignored SIGTERM for 20 s; threads in " + dump);
    }

    /**
     * Waits until the host page answers and its readiness reports {@code expected} (e.g. the plugin
     * {@code "ENABLED"}), failing early if the server exits.
     */
    public static void awaitReady(Process server, String base, Path serverLog, String expected) {
        HttpClient http = TestHttp.builder().connectTimeout(Duration.ofSeconds(2)).build();
        int readySeconds = Integer.getInteger("it.server.ready-seconds", 240); // more on a loaded machine
        Instant deadline = Instant.now().plus(Duration.ofSeconds(readySeconds));
        String last = "no answer";
        while (Instant.now().isBefore(deadline)) {
            if (!server.isAlive()) {
                throw new IllegalStateException("Payara Micro exited during start-up; see " + serverLog);
            }
            if (logContains(serverLog, "Exception while loading the app")) {
                throw new IllegalStateException("A WAR failed to deploy; see " + serverLog);
            }
            try {
                int host = get(http, base + "/").statusCode();
                HttpResponse<String> health = get(http, base + "/health");
                if (host < 500 && health.body().contains(expected)) {
                    return;
                }
                last = "host " + host + ", health " + health.statusCode() + " " + health.body();
            } catch (IOException e) {
                last = e.toString();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            sleep();
        }
        throw new IllegalStateException("Server not ready after " + readySeconds + " s (" + last + "); see " + serverLog);
    }

    private static HttpResponse<String> get(HttpClient http, String url) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static boolean logContains(Path file, String text) {
        try {
            return Files.exists(file) && Files.readString(file, java.nio.charset.StandardCharsets.ISO_8859_1).contains(text);
        } catch (IOException e) {
            return false;
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
