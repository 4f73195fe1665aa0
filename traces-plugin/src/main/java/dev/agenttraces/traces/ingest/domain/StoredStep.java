package dev.agenttraces.traces.ingest.domain;

import dev.agenttraces.traces.store.domain.StepType;

import java.math.BigDecimal;
import java.time.Instant;

/** A stored step as the export returns it; {@code costUsd} is null when the step is unpriced. */
public record StoredStep(int seq, StepType type, String content, String toolName, String toolInput,
                        String toolOutput, String model, long inputTokens, long outputTokens,
                        long cachedInputTokens, long reasoningTokens, BigDecimal costUsd, Instant startedAt,
                        Long durationMs) {
}
