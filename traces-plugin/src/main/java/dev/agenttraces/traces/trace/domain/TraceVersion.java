package dev.agenttraces.traces.trace.domain;

import java.io.Serializable;
import java.math.BigDecimal;
import java.util.UUID;

/**
 * What everything derived from a trace's steps depends on (its tree and branch totals, its cost shares, the
 * facts of its review summary): a new step changes the count, a recompute of prices changes the cost or the
 * unpriced count. What is computed for one version stays right for as long as the trace has that version, so
 * the views keep such results by version instead of re-reading every step on each view.
 */
public record TraceVersion(UUID trace, int stepCount, BigDecimal costUsd, int unpricedSteps) implements Serializable {

    public TraceVersion {
        costUsd = costUsd == null ? null : costUsd.stripTrailingZeros();
    }

    public static TraceVersion of(TraceSummary t) {
        return new TraceVersion(t.id(), t.stepCount(), t.costUsd(), t.unpricedSteps());
    }
}
