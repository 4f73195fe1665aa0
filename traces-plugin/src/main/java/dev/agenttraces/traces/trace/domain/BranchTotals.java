package dev.agenttraces.traces.trace.domain;

import java.io.Serializable;
import java.math.BigDecimal;

/**
 * What a step and everything under it add up to, so a collapsed branch still says what it cost: all tokens, the
 * priced cost (a lower bound when {@code unpriced} steps are in it) and the wall time from the branch's first
 * start to its last end.
 */
public record BranchTotals(long tokens, BigDecimal costUsd, int unpriced, long durationMs) implements Serializable {
}
