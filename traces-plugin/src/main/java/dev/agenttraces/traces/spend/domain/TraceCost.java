package dev.agenttraces.traces.spend.domain;

import java.math.BigDecimal;
import java.time.Instant;

/** When a trace started and what it cost, the input of a daily spend chart. */
public record TraceCost(Instant startedAt, BigDecimal costUsd) {
}
