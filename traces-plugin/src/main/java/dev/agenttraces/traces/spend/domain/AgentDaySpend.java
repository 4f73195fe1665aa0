package dev.agenttraces.traces.spend.domain;

import java.math.BigDecimal;
import java.time.LocalDate;

/** An agent's spend received on one UTC day (the budget rollup's row, summed over the reader's boards). */
public record AgentDaySpend(long agentId, LocalDate day, BigDecimal costUsd, long unpricedSteps, long traces) {
}
