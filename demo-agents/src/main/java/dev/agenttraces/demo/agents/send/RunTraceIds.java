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
