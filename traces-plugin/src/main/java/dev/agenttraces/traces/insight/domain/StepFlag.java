package dev.agenttraces.traces.insight.domain;

/** What the timeline marks on a step. */
public enum StepFlag {
    /** The step is a redundant tool call. */
    REDUNDANT,
    /** The step lies inside a reasoning loop's span. */
    LOOP,
    /** The step retries a call that failed just before. */
    RETRY,
    /** The step is one of the most expensive. */
    TOP_COST
}
