package dev.agenttraces.traces.trace.domain;

import java.io.Serializable;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/**
 * The four token counts of a step, or their sums over a trace, in the stored convention: {@code input}
 * excludes the cached part, which is counted in {@code cachedInput}, and {@code reasoning} is not part
 * of {@code output}, so every token is counted exactly once. The one home of these counts: the
 * entities embed it, the read model and the pricer pass it around. Sums use exact arithmetic, so an
 * overflow is an error rather than a wrapped negative count.
 */
@Embeddable
public record TokenCounts(
        @Column(name = "input_tokens") long input,
        @Column(name = "output_tokens") long output,
        @Column(name = "cached_input_tokens") long cachedInput,
        @Column(name = "reasoning_tokens") long reasoning) implements Serializable {

    public static final TokenCounts NONE = new TokenCounts(0, 0, 0, 0);

    public TokenCounts {
        if (input < 0 || output < 0 || cachedInput < 0 || reasoning < 0) {
            throw new IllegalArgumentException("token counts cannot be negative");
        }
    }

    /** All input the model read, cached or not. */
    public long totalInput() {
        return Math.addExact(input, cachedInput);
    }

    /** Every token of the step: input, cached input, output and reasoning. */
    public long total() {
        return Math.addExact(Math.addExact(input, cachedInput), Math.addExact(output, reasoning));
    }

    /** The sum of both; throws {@link ArithmeticException} rather than wrap around. */
    public TokenCounts plus(TokenCounts other) {
        return new TokenCounts(Math.addExact(input, other.input), Math.addExact(output, other.output),
                Math.addExact(cachedInput, other.cachedInput), Math.addExact(reasoning, other.reasoning));
    }
}
