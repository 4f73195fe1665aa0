package dev.agenttraces.traces.insight.domain.compare;

/** How an aligned pair of steps differs. */
public enum PairStatus {
    /** Same kind and tool, same arguments, text and model. */
    SAME,
    /** Same kind and tool, but different arguments, text or model. */
    CHANGED,
    /** Only in the right (newer) trace. */
    INSERTED,
    /** Only in the left (older) trace. */
    REMOVED
}
