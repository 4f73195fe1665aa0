package dev.agenttraces.traces.ingest.domain;

import java.math.BigDecimal;

/** A task's cost over a period, for the "top tasks by cost" ranking. */
public record TaskCost(long taskId, String title, long boardId, BigDecimal costUsd, long traces,
                       long steps, long unpricedSteps) {
}
