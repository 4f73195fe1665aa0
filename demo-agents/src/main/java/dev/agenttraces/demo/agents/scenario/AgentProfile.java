package dev.agenttraces.demo.agents.scenario;

/**
 * A simulated agent as the host knows it (id, name, model, provider), plus the smaller model it hands
 * sub-tasks to. The sub-agent model shares the agent's provider, because the plugin prices every step
 * with the trace's provider.
 */
public record AgentProfile(long id, String name, String model, String provider, String subAgentModel) {

    /** The sub-agent model for an agent of {@code provider}; Google's is deliberately not in the price catalogue. */
    public static String subAgentModelFor(String provider) {
        return switch (provider) {
            case "anthropic" -> "claude-haiku-4-5";
            case "openai" -> "gpt-4o-mini";
            case "google" -> ModelCatalogue.UNPRICED_MODEL;
            default -> "gpt-4o-mini";
        };
    }
}
