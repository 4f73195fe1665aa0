package dev.agenttraces.traces.trace.domain;

import java.io.Serializable;

import java.util.Set;

/** Which steps a timeline shows: some types (all when empty) and an optional text to search for. */
public record StepFilter(Set<StepType> types, String text) implements Serializable {

    public static final StepFilter NONE = new StepFilter(Set.of(), null);

    public boolean hasTypes() {
        return types != null && !types.isEmpty();
    }

    public boolean hasText() {
        return text != null && !text.isBlank();
    }

    public boolean isEmpty() {
        return !hasTypes() && !hasText();
    }
}
