package dev.agenttraces.traces.trace.domain;

import java.util.Locale;
import java.util.Optional;

/** The kinds of step a trace's timeline shows. The wire names are lower case (e.g. {@code tool_call}). */
public enum StepType {
    REASONING("Reasoning"),
    TOOL_CALL("Tool call"),
    TOOL_RESULT("Tool result"),
    ERROR("Error"),
    SYSTEM("System");

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
