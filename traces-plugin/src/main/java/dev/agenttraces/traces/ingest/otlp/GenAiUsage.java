package dev.agenttraces.traces.ingest.otlp;

/**
 * Token counts of one span as the instrumentation reported them (0 when absent). Following the GenAI
 * conventions, {@code input} normally includes {@code cacheRead} and {@code cacheCreation}, and {@code output}
 * includes {@code reasoning}; the store's convention (input excludes cached) is applied when steps are built.
 */
public record GenAiUsage(long input, long output, long cacheRead, long cacheCreation, long reasoning) {

    public static final GenAiUsage NONE = new GenAiUsage(0, 0, 0, 0, 0);

    public GenAiUsage {
        if (input < 0 || output < 0 || cacheRead < 0 || cacheCreation < 0 || reasoning < 0) {
            throw new IllegalArgumentException("token counts cannot be negative");
        }
    }

    /** Input plus output; {@link ArithmeticException} instead of a silent wrap when that overflows. */
    public long total() {
        return Math.addExact(input, output);
    }

    public boolean isEmpty() {
        return input == 0 && output == 0 && cacheRead == 0 && cacheCreation == 0 && reasoning == 0;
    }
}
