package dev.agenttraces.traces.trace.domain;

import java.math.BigDecimal;

/** A step ready to store: its effective model, its cost (null when unpriced) and its content hash. */
public record PricedStep(StepInput step, String model, BigDecimal cost, String hash) {
}
