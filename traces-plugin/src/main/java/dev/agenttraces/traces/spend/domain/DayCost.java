package dev.agenttraces.traces.spend.domain;

import java.math.BigDecimal;
import java.time.LocalDate;

/** What the traces started on one UTC day cost, read from the daily rollup: the input of a daily spend chart. */
public record DayCost(LocalDate day, BigDecimal costUsd) {
}
