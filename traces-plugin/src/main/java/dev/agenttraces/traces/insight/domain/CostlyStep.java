package dev.agenttraces.traces.insight.domain;

import java.math.BigDecimal;

/** One of a trace's most expensive steps: enough to highlight it and link to it, without its texts. */
public record CostlyStep(int seq, StepKind kind, String toolName, String model, BigDecimal costUsd) {
}
