package dev.agenttraces.demo.agents.simulation;

import java.time.Duration;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The simulator's configuration: each key is a system property ({@code -Ddemo.host-url=…}) or, when that is
 * unset, the environment variable of the same name in upper case with dots and dashes as underscores
 * ({@code DEMO_HOST_URL}). Defaults fit {@code bin/demo}. See README "The living demo".
 */
public record Settings(String hostUrl, String tracesUrl, String agentToken, String ingestToken, boolean otlp,
                       boolean live, Duration longRun, int hugeSteps, Duration stepPause, long seed,
                       Set<Long> agentIds) {

    public Settings {
        agentIds = Set.copyOf(agentIds);
    }

    public static Settings fromEnvironment() {
        String host = value("demo.host-url", "http://localhost:8080");
        return new Settings(host, value("demo.traces-url", host + "/traces"),
                value("demo.agent-token", "demo-agent-token"), value("demo.ingest-token", "demo-ingest-token"),
                Boolean.parseBoolean(value("demo.otlp", "true")), Boolean.parseBoolean(value("demo.live", "true")),
                Duration.ofSeconds(Math.round(Double.parseDouble(value("demo.long-run-minutes", "5")) * 60)),
                Integer.parseInt(value("demo.huge-steps", "20000")),
                Duration.ofMillis(Math.round(Double.parseDouble(value("demo.step-seconds", "2.5")) * 1000)),
                Long.parseLong(value("demo.seed", String.valueOf(System.nanoTime()))),
                Arrays.stream(value("demo.agent-ids", "").split(",")).map(String::strip).filter(v -> !v.isEmpty())
                        .map(Long::valueOf).collect(Collectors.toSet()));
    }

    /** Whether the simulator works as this agent: every agent, unless {@code demo.agent-ids} names some. */
    public boolean simulates(long agentId) {
        return agentIds.isEmpty() || agentIds.contains(agentId);
    }

    /** The receiver the OTLP runs are exported to. */
    public String otlpEndpoint() {
        return tracesUrl + "/v1/traces";
    }

    /**
     * Steps of the long-running trace, so that it lasts about {@link #longRun}: each step takes its pause plus
     * about {@value #AVERAGE_STEP_MS} ms of work (LLM calls take seconds, tool calls less).
     */
    public int longRunSteps() {
        return (int) Math.max(10, longRun.toMillis() / (stepPause.toMillis() + AVERAGE_STEP_MS));
    }

    static final long AVERAGE_STEP_MS = 4_000;

    private static String value(String key, String fallback) {
        String property = System.getProperty(key);
        if (property != null && !property.isBlank()) {
            return property;
        }
        String env = System.getenv(key.toUpperCase(java.util.Locale.ROOT).replace('.', '_').replace('-', '_'));
        return env == null || env.isBlank() ? fallback : env;
    }
}
