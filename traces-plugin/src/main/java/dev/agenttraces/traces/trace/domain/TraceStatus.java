package dev.agenttraces.traces.trace.domain;

/** Where a trace stands. Only a running trace accepts steps. */
public enum TraceStatus {
    RUNNING, COMPLETED, FAILED, CANCELLED;

    public boolean isFinished() {
        return this != RUNNING;
    }
}
