package dev.agenttraces.traces.trace.domain;

import java.util.Locale;
import java.util.Optional;

/**
 * The kinds of step a trace's timeline shows. The wire names are lower case (e.g. {@code tool_call}).
 * {@link #LLM_CALL} and {@link #AGENT} came with step trees: a model call with its conversation, and a
 * sub-agent's part of the trace, under which its own steps hang.
 */
public enum StepType {
    REASONING("Reasoning"),
    TOOL_CALL("Tool call"),
    TOOL_RESULT("Tool result"),
    ERROR("Error"),
    SYSTEM("System"),
    LLM_CALL("LLM call"),
    AGENT("Sub-agent");

    private final String label;

    StepType(String label) {
        this.label = label;
    }

    public String getLabel() {
        return label;
    }

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses a wire name such as {@code tool_result}; empty for anything else. */
    public static Optional<StepType> fromWire(String value) {
        if (value == null) {
            return Optional.empty();
        }
        for (StepType t : values()) {
            if (t.wireName().equals(value)) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }
}
