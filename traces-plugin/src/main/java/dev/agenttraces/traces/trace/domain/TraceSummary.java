package dev.agenttraces.traces.trace.domain;

import java.io.Serializable;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * A trace with its running totals, as every reader sees it: the REST API, the task panel and the
 * agent tab. A small immutable value, so view beans can hold it across requests without holding a
 * managed entity.
 */
public record TraceSummary(UUID id, long taskId, String taskTitle, long agentId, String agentName, String agentModel,
                           TraceStatus status, String model, String provider, Instant startedAt,
                           Instant completedAt, Long durationMs, String errorMessage, int stepCount,
                           int errorCount, TokenCounts tokens, BigDecimal costUsd, int unpricedSteps) implements Serializable {

    /** The model the trace ran on: its own, else its agent's default. */
    public String effectiveModel() {
        return model != null ? model : agentModel;
    }

    /** The recorded duration in milliseconds, or the time so far while the trace is running. */
    public long elapsedMs() {
        if (durationMs != null) {
            return durationMs;
        }
        return Duration.between(startedAt, completedAt != null ? completedAt : Instant.now()).toMillis();
    }

    /** Whether any step could not be priced, so {@link #costUsd()} is a lower bound, not the cost. */
    public boolean unpriced() {
        return unpricedSteps > 0;
    }
}
