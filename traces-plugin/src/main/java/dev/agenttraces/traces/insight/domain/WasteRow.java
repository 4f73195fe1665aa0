package dev.agenttraces.traces.insight.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** One trace's stored waste, as the agent insights read it. */
public record WasteRow(Instant startedAt, long taskId, String taskTitle, UUID traceId, int loopCount, int redundantCount,
                       BigDecimal wasteCostUsd, BigDecimal costUsd) {
}
