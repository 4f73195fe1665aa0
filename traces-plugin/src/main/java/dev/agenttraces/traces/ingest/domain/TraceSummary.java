package dev.agenttraces.traces.ingest.domain;

import dev.agenttraces.traces.store.domain.TraceStatus;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** A trace row with its running totals, as the API returns it. */
public record TraceSummary(UUID id, long taskId, long agentId, TraceStatus status, String model, String provider,
                           Instant startedAt, Instant completedAt, Long durationMs, String errorMessage,
                           int stepCount, int errorCount, long inputTokens, long outputTokens,
                           long cachedInputTokens, long reasoningTokens, BigDecimal costUsd, int unpricedSteps) {
}
