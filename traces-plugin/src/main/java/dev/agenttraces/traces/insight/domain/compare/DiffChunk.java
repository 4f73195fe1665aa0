package dev.agenttraces.traces.insight.domain.compare;

/** A run of text that both sides share, or that only one side has; the chunks of one side concatenate to its text. */
public record DiffChunk(DiffOp op, String text) {
}
