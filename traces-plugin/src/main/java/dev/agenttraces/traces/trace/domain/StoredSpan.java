package dev.agenttraces.traces.trace.domain;

/**
 * The step an OTLP span is already stored as: its seq (the span's first step; the span's other steps hang
 * under it) and the hash of the whole span as it was sent, so a re-sent span is recognised as a duplicate
 * and a changed one can be replaced without counting its tokens twice.
 *
 * @param type the type of the span's first step
 */
public record StoredSpan(int seq, String hash, StepType type) {

    /**
     * Whether the spans below this one hang under its step. Not when that step is an error on its own: only
     * the root agent span becomes a lone error step (it is the trace itself), and its children stay top-level.
     */
    public boolean isParent() {
        return isParent(type);
    }

    /** Whether a span whose first step has this type is the parent of the spans below it. */
    public static boolean isParent(StepType firstStepType) {
        return firstStepType != StepType.ERROR;
    }
}
