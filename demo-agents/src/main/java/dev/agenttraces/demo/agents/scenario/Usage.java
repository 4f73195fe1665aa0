package dev.agenttraces.demo.agents.scenario;

/**
 * Tokens of one LLM call, in the plugin's stored convention: {@code input} excludes the {@code cached}
 * (prompt-cache read) and the {@code cacheWrite} (prompt-cache write, Anthropic's {@code cache_creation}) tokens,
 * and {@code reasoning} (thinking) tokens are not part of {@code output}. The OTLP sender converts to the GenAI
 * convention, where input includes both cache counts.
 */
public record Usage(long input, long cached, long output, long reasoning, long cacheWrite) {

    public static final Usage NONE = new Usage(0, 0, 0, 0, 0);

    /** A call that wrote nothing to the prompt cache. */
    public Usage(long input, long cached, long output, long reasoning) {
        this(input, cached, output, reasoning, 0);
    }

    public boolean isNone() {
        return input == 0 && cached == 0 && output == 0 && reasoning == 0 && cacheWrite == 0;
    }

    /** Everything the model read: new input, the cached prefix and what it wrote to the cache. */
    public long contextTokens() {
        return input + cached + cacheWrite;
    }
}
