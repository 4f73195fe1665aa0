package dev.agenttraces.traces.insight.domain.compare;

import java.math.BigDecimal;

/**
 * The compare's header: how many pairs of each status, and each trace's totals of tokens, cost and
 * duration (unpriced steps and unknown durations count as zero here; the per-pair deltas say null instead).
 */
public record AlignmentTotals(int same, int changed, int inserted, int removed,
                              long leftTokens, long rightTokens, BigDecimal leftCostUsd, BigDecimal rightCostUsd,
                              long leftDurationMs, long rightDurationMs) implements java.io.Serializable {

    public long tokensDelta() {
        return rightTokens - leftTokens;
    }

    public BigDecimal costDeltaUsd() {
        return rightCostUsd.subtract(leftCostUsd);
    }

    public long durationDeltaMs() {
        return rightDurationMs - leftDurationMs;
    }
}
