package dev.agenttraces.traces.trace.domain;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * Where a step sits in its trace's tree (its parent, null at the top level, and when it started) and what it
 * adds to its branch's totals: all its tokens, its cost (null when unpriced) and its duration.
 */
public record StepLink(int seq, Integer parentSeq, Instant startedAt, long tokens, BigDecimal costUsd,
                       Long durationMs) implements Serializable {
}
