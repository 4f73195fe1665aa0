package dev.agenttraces.traces.ingest.otlp;

/**
 * One chat message normalised from any attribute family: the role ({@code system}, {@code user},
 * {@code assistant}, {@code tool}…, as sent, lower-cased) and its text. Text parts are joined with newlines;
 * a message without text (tool calls, tool responses, media) carries those parts as compact JSON instead.
 */
public record GenAiMessage(String role, String content) {
}
