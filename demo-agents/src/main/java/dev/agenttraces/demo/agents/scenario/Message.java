package dev.agenttraces.demo.agents.scenario;

/**
 * One chat message an LLM call was sent, as GenAI semantic conventions name the roles: {@code system},
 * {@code user}, {@code assistant}, {@code tool}. {@code toolCallId} ties a tool message to its call.
 */
public record Message(String role, String text, String toolCallId) {

    public static Message of(String role, String text) {
        return new Message(role, text, null);
    }
}
