package dev.agenttraces.traces.spend.domain;

import java.io.Serializable;

import java.math.BigDecimal;
import java.time.Instant;

/** An agent's spend over [from, to): summed from trace totals, by trace start time. */
public record Spend(long agentId, Instant from, Instant to, BigDecimal costUsd, long unpricedSteps, long traces) implements Serializable {
}
