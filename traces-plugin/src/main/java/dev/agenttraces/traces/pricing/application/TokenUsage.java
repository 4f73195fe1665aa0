package dev.agenttraces.traces.pricing.application;

/**
 * The tokens of one step in the stored convention: {@code input} excludes the cached part, which is
 * counted in {@code cachedInput}, so every token is counted exactly once.
 */
public record TokenUsage(long input, long output, long cachedInput, long reasoning) {

    public TokenUsage {
        if (input < 0 || output < 0 || cachedInput < 0 || reasoning < 0) {
            throw new IllegalArgumentException("token counts cannot be negative");
        }
    }

    /** All input the model read, cached or not. */
    public long totalInput() {
        return input + cachedInput;
    }
}
