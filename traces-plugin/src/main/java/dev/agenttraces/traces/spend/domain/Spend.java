package dev.agenttraces.traces.spend.domain;

import java.io.Serializable;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * An agent's spend over [from, to): summed from trace totals, by the server's receive time of each trace (its
 * start or its latest stored batch), never by the client-chosen startedAt, so a back-dated trace cannot hide
 * its spend from the current budget period.
 */
public record Spend(long agentId, Instant from, Instant to, BigDecimal costUsd, long unpricedSteps, long traces) implements Serializable {
}
