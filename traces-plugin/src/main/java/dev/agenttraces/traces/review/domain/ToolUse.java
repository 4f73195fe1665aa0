package dev.agenttraces.traces.review.domain;

import java.io.Serializable;

/** How often a trace called one tool: "what it did" at a glance. */
public record ToolUse(String toolName, long calls) implements Serializable {
}
