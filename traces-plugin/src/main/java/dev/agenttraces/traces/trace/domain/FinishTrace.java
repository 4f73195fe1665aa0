package dev.agenttraces.traces.trace.domain;


import java.time.Instant;

/** A request to close a trace with its final status. */
public record FinishTrace(TraceStatus status, String errorMessage, Instant completedAt) {
}
