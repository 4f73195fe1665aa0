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
        try {
            Path target = Path.of(System.getProperty("java.io.tmpdir"));
            Path root = Files.createTempDirectory(target, "micro-root");
            log = target.resolve("taskboard-server-" + port() + ".log");
            List<String> cmd = new ArrayList<>(List.of(javaExecutable(), "-Xmx768m",
                    "-Djava.io.tmpdir=" + root,
                    "-jar", System.getProperty("it.micro.jar"),
                    "--nocluster", "--port", String.valueOf(port()), "--rootdir", root.resolve("micro").toString(),
                    "--deploy", System.getProperty("it.host.war"),
                    "--deploy", System.getProperty("it.plugin.war")));
            process = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            Runtime.getRuntime().addShutdownHook(new Thread(TaskboardServer::stopIfRunning));
            awaitReady();
            return baseUrl();
        } catch (IOException e) {
            throw new IllegalStateException("Cannot start Payara Micro", e);
        }
    }

    public static synchronized void stopIfRunning() {
        if (process != null && process.isAlive()) {
            process.destroy();
            try {
                if (!process.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        process = null;
    }

    private static void awaitReady() {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        Instant deadline = Instant.now().plus(Duration.ofSeconds(240));
        String last = "no answer";
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Payara Micro exited during start-up; see " + log);
            }
            try {
                int host = get(http, baseUrl() + "/login.xhtml").statusCode();
                HttpResponse<String> health = get(http, baseUrl() + "/health");
                if (host == 200 && health.statusCode() == 200 && health.body().contains("agent-traces-database")) {
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
        throw new IllegalStateException("Host and plugin not ready after 240 s (" + last + "); see " + log);
    }

    private static HttpResponse<String> get(HttpClient http, String url) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
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
