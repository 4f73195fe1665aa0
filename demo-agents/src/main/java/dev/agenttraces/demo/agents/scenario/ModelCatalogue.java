package dev.agenttraces.demo.agents.scenario;

/**
 * What the simulator knows about models: which one it leaves unpriced, and the token shape of a call, so
 * counts look like a real agent's (a system prompt of a few thousand tokens that the provider caches,
 * a context that grows with every tool result, a few hundred output tokens). The names of the priced
 * models are the price catalogue's (traces-plugin/src/main/resources/db/traces/V10__model_price_catalogue.sql).
 */
public final class ModelCatalogue {

    /** A real model with no catalogue entry, so its steps show as "unpriced" (never $0). */
    public static final String UNPRICED_MODEL = "gemma-3-27b-it";

    /** Tokens of the agents' system prompt and tool definitions. */
    static final int SYSTEM_PROMPT_TOKENS = 3_400;

    /** Past this context the simulated agent summarises, as real agents compact their history. */
    static final int MAX_CONTEXT_TOKENS = 48_000;

    private ModelCatalogue() {
    }

    /** Whether the model bills separate thinking tokens in the demo (extended thinking on Claude Sonnet). */
    static boolean thinks(String model) {
        return model.startsWith("claude-sonnet") || model.startsWith("o3") || model.startsWith("o4");
    }

    /** Typical output tokens of a call: reasoning plus a tool call, a few hundred tokens. */
    static int typicalOutput(String model) {
        return model.startsWith("gemini") || model.startsWith("gemma") ? 260 : 420;
    }
}
