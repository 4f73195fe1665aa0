package dev.agenttraces.traces.trace.domain;

import java.io.Serializable;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/**
 * The five token counts of a step, or their sums over a trace, in the stored convention: {@code input}
 * excludes both cached reads, counted in {@code cachedInput}, and cache writes, counted in
 * {@code cacheCreation}, and {@code reasoning} is not part of {@code output}, so every token is counted
 * exactly once and each kind can be billed at its own rate. The one home of these counts: the entities
 * embed it, the read model and the pricer pass it around. Sums use exact arithmetic, so an overflow is an
 * error rather than a wrapped negative count.
 */
@Embeddable
public record TokenCounts(
        @Column(name = "input_tokens") long input,
        @Column(name = "output_tokens") long output,
        @Column(name = "cached_input_tokens") long cachedInput,
        @Column(name = "reasoning_tokens") long reasoning,
        @Column(name = "cache_creation_tokens") long cacheCreation) implements Serializable {

    public static final TokenCounts NONE = new TokenCounts(0, 0, 0, 0, 0);

    public TokenCounts {
        if (input < 0 || output < 0 || cachedInput < 0 || reasoning < 0 || cacheCreation < 0) {
            throw new IllegalArgumentException("token counts cannot be negative");
        }
    }

    /** The four counts that existed before cache writes were counted apart; no cache writes. */
    public TokenCounts(long input, long output, long cachedInput, long reasoning) {
        this(input, output, cachedInput, reasoning, 0);
    }

    /** All input the model read or wrote to its cache: uncached, cache reads and cache writes. */
    public long totalInput() {
        return Math.addExact(Math.addExact(input, cachedInput), cacheCreation);
    }

    /** Every token of the step: all input, output and reasoning. */
    public long total() {
        return Math.addExact(totalInput(), Math.addExact(output, reasoning));
    }

    /** Whether there is nothing to bill. */
    public boolean isEmpty() {
        return input == 0 && output == 0 && cachedInput == 0 && reasoning == 0 && cacheCreation == 0;
    }

    /** The sum of both; throws {@link ArithmeticException} rather than wrap around. */
    public TokenCounts plus(TokenCounts other) {
        return new TokenCounts(Math.addExact(input, other.input), Math.addExact(output, other.output),
                Math.addExact(cachedInput, other.cachedInput), Math.addExact(reasoning, other.reasoning),
                Math.addExact(cacheCreation, other.cacheCreation));
    }

    /**
     * What is left when {@code other}, a part of these counts (the steps of a replaced OTLP span), is taken out;
     * throws {@link IllegalArgumentException} when it is not a part of them.
     */
    public TokenCounts minus(TokenCounts other) {
        return new TokenCounts(input - other.input, output - other.output, cachedInput - other.cachedInput,
                reasoning - other.reasoning, cacheCreation - other.cacheCreation);
    }
}
