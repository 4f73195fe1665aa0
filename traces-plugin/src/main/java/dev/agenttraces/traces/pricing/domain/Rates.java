package dev.agenttraces.traces.pricing.domain;

import dev.agenttraces.traces.trace.domain.TokenCounts;

import java.io.Serializable;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * USD per one million tokens of each kind. Cached-input, reasoning and cache-write prices are optional
 * because many price lists omit them: cached input then costs the input price (no discount is assumed),
 * reasoning tokens cost the output price (every provider bills thinking as output), and cache writes cost
 * the input price (no premium is assumed; Anthropic's is 1.25 × input and is in the seed).
 */
public record Rates(BigDecimal input, BigDecimal output, BigDecimal cachedInput, BigDecimal reasoning,
                    BigDecimal cacheCreation) implements Serializable {

    private static final int PER_MILLION = 6;

    public Rates {
        Objects.requireNonNull(input, "input price");
        Objects.requireNonNull(output, "output price");
    }

    /** Rates without a cache-write price of their own (cache writes at the input price). */
    public Rates(BigDecimal input, BigDecimal output, BigDecimal cachedInput, BigDecimal reasoning) {
        this(input, output, cachedInput, reasoning, null);
    }

    public BigDecimal effectiveCacheCreation() {
        return cacheCreation != null ? cacheCreation : input;
    }

    public BigDecimal effectiveCachedInput() {
        return cachedInput != null ? cachedInput : input;
    }

    public BigDecimal effectiveReasoning() {
        return reasoning != null ? reasoning : output;
    }

    /**
     * The exact cost of the tokens in USD. Stored convention: {@code input} excludes cache reads and writes, and
     * {@code output} excludes reasoning tokens, so each token is billed exactly once. Dividing by 10^6 is
     * a decimal point shift, so nothing is rounded here (a price of scale 6 gives a cost of scale 12).
     */
    public BigDecimal cost(TokenCounts tokens) {
        return input.multiply(BigDecimal.valueOf(tokens.input()))
                .add(effectiveCachedInput().multiply(BigDecimal.valueOf(tokens.cachedInput())))
                .add(effectiveCacheCreation().multiply(BigDecimal.valueOf(tokens.cacheCreation())))
                .add(output.multiply(BigDecimal.valueOf(tokens.output())))
                .add(effectiveReasoning().multiply(BigDecimal.valueOf(tokens.reasoning())))
                .movePointLeft(PER_MILLION);
    }
}
