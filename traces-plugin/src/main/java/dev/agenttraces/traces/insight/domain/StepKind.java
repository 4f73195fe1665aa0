package dev.agenttraces.traces.insight.domain;

import java.util.Locale;

/**
 * The kind of a step as the detectors see it. It mirrors the wire names of the stored step types and adds
 * {@code llm_call} (the step tree's model calls) and {@link #OTHER}, so the detectors keep working when
 * the stored types grow, without depending on the store package.
 */
public enum StepKind {
    REASONING, LLM_CALL, TOOL_CALL, TOOL_RESULT, ERROR, SYSTEM, OTHER;

    /** Parses a wire name such as {@code tool_result} (any case); anything unknown is {@link #OTHER}. */
    public static StepKind fromWire(String value) {
        if (value == null) {
            return OTHER;
        }
        String upper = value.trim().toUpperCase(Locale.ROOT);
        for (StepKind k : values()) {
            if (k.name().equals(upper)) {
                return k;
            }
        }
        return OTHER;
    }

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** A step that asked a model for output: an explicit LLM call, or reasoning that names its model. */
    boolean isModelCall(String model) {
        return this == LLM_CALL || (this == REASONING && model != null);
    }
}
