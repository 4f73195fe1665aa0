package dev.agenttraces.traces.trace.domain;

import java.math.BigDecimal;
import java.time.Instant;

/** A stored step with all its text, as the export returns it; {@code costUsd} is null when unpriced. */
public record StepRecord(int seq, StepType type, String content, String toolName, String toolInput,
                         String toolOutput, String model, TokenCounts tokens, BigDecimal costUsd, Instant startedAt,
                         Long durationMs) {
}
