package dev.agenttraces.demo.agents.scenario;

/**
 * Tokens of one LLM call, in the plugin's stored convention: {@code input} excludes the {@code cached}
 * (prompt-cache read) tokens, and {@code reasoning} (thinking) tokens are not part of {@code output}.
 * The OTLP sender converts to the GenAI convention, where input includes cached tokens.
 */
public record Usage(long input, long cached, long output, long reasoning) {

    public static final Usage NONE = new Usage(0, 0, 0, 0);

    public boolean isNone() {
        return input == 0 && cached == 0 && output == 0 && reasoning == 0;
    }

    /** Everything the model read: new input plus the cached prefix. */
    public long contextTokens() {
        return input + cached;
    }
}
