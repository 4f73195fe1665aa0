package dev.agenttraces.traces.pricing.application;

import dev.agenttraces.traces.trace.domain.TokenCounts;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * Prices one step: its tokens at the price in force at the step's time, from the most specific
 * catalogue entry that matches its model. The ingest path and the recomputation both call this, so a
 * step priced at ingest and the same step recomputed always agree.
 */
public interface StepPricer {

    /**
     * @return the cost in USD, or {@code null} when no catalogue entry matches (the step is unpriced;
     * it must never be shown as $0)
     */
    BigDecimal price(String model, String provider, Instant at, TokenCounts tokens);
}
