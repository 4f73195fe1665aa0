package dev.agenttraces.traces.ingest.domain;

import dev.agenttraces.traces.store.domain.TraceStatus;

import java.time.Instant;

/** A request to close a trace with its final status. */
public record FinishTrace(TraceStatus status, String errorMessage, Instant completedAt) {
}
