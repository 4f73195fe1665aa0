package dev.agenttraces.traces.trace.domain;

import java.time.Instant;

/**
 * What a trace's root span says about the trace as a whole. OTLP has no "start" or "finish" call: the trace
 * row is created by whichever span arrives first, and the root (often exported last, since it ends last)
 * fills in these fields when it comes.
 *
 * @param model     null keeps the trace's current model
 * @param provider  null keeps the trace's current provider
 * @param completedAt null while the root span has not ended; the trace then stays running
 */
public record TraceRoot(long taskId, long agentId, String model, String provider, Instant startedAt,
                        Instant completedAt, TraceStatus status, String errorMessage) {
}
