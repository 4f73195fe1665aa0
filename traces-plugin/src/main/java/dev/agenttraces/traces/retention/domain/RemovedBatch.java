package dev.agenttraces.traces.retention.domain;

import java.math.BigDecimal;

/** What one batch removed: traces (with their steps and every dependent row), their steps and their cost. */
public record RemovedBatch(int traces, long steps, BigDecimal cost) {

    public static final RemovedBatch NONE = new RemovedBatch(0, 0, BigDecimal.ZERO);
}
