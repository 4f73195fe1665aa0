package dev.agenttraces.traces.insight.domain;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * A trace's stored insight totals (table {@code trace_insight}): what the flags header shows and what lists
 * filter and sort by.
 *
 * @param settingsFingerprint the settings they were computed with ({@link InsightSettings#fingerprint()})
 * @param stepCount           the steps they were computed from
 * @param wasteCostUsd        loops' repeat cost plus the saveable cost of redundant calls outside loops
 */
public record FlagTotals(String settingsFingerprint, int stepCount, int lastSeq, int redundantCount,
                         BigDecimal redundantCostUsd, int loopCount, BigDecimal loopCostUsd, int retryCount,
                         boolean endsInError, boolean failedAfterRetries, BigDecimal wasteCostUsd,
                         Instant computedAt) implements Serializable {

    public static FlagTotals of(TraceInsights i, Instant computedAt) {
        return new FlagTotals(i.settingsFingerprint(), i.stepCount(), i.lastSeq(), i.redundantCount(),
                i.redundantCostUsd(), i.loopCount(), i.loopRepeatCostUsd(), i.retryCount(), i.endsInError(),
                i.failedAfterRetries(), i.wasteCostUsd(), computedAt);
    }

    /** Whether any flag was raised. */
    public boolean hasFlags() {
        return redundantCount > 0 || loopCount > 0 || retryCount > 0 || failedAfterRetries;
    }
}
