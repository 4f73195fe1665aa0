package dev.agenttraces.demo.agents.send;

import io.opentelemetry.sdk.trace.IdGenerator;

import java.util.UUID;

/**
 * Gives a run's root span the run's own id as its OTLP trace id (the UUID's 32 hex digits), so the
 * trace a reviewer opens can be matched to the simulator's log and to a JSON fallback of the same run.
 * Span ids stay random. The id is handed over per thread, just around starting the root span.
 */
final class RunTraceIds implements IdGenerator {

    private final ThreadLocal<UUID> next = new ThreadLocal<>();

    void nextTrace(UUID id) {
        next.set(id);
    }

    /** The run id of an OTLP trace id this generator made (32 hex digits back to the UUID's form); other ids as they are. */
    static String runId(String traceId) {
        if (traceId == null || traceId.length() != 32) {
            return String.valueOf(traceId);
        }
        return traceId.substring(0, 8) + "-" + traceId.substring(8, 12) + "-" + traceId.substring(12, 16) + "-"
                + traceId.substring(16, 20) + "-" + traceId.substring(20);
    }

    @Override
    public String generateSpanId() {
        return IdGenerator.random().generateSpanId();
    }

    @Override
    public String generateTraceId() {
        UUID id = next.get();
        next.remove();
        return id == null ? IdGenerator.random().generateTraceId() : id.toString().replace("-", "");
    }
}
