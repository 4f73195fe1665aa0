package dev.agenttraces.traces.insight.domain.compare;

/** What a diff chunk does to the left text to make the right one. */
public enum DiffOp {
    EQUAL, REMOVED, ADDED
}
