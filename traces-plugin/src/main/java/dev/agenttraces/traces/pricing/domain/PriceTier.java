package dev.agenttraces.traces.pricing.domain;

import java.io.Serializable;
import java.util.Objects;

/**
 * A price that applies to the whole step once its total input (uncached + cached) exceeds
 * {@code aboveInputTokens}, the way Google prices long prompts: it is not a marginal rate.
 */
public record PriceTier(long aboveInputTokens, Rates rates) implements Serializable {

    public PriceTier {
        if (aboveInputTokens < 0) {
            throw new IllegalArgumentException("tier threshold cannot be negative");
        }
        Objects.requireNonNull(rates, "tier rates");
    }
}
