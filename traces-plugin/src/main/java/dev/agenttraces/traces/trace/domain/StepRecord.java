package dev.agenttraces.traces.trace.domain;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A stored step with all its text, as the export returns it; {@code costUsd} is null when unpriced, and
 * {@code parentSeq}, {@code spanId} and {@code messages} (JSON) are null when the step has none.
 */
public record StepRecord(int seq, StepType type, String content, String toolName, String toolInput,
                         String toolOutput, String model, TokenCounts tokens, BigDecimal costUsd, Instant startedAt,
                         Long durationMs, Integer parentSeq, String spanId, String messages) {
}
