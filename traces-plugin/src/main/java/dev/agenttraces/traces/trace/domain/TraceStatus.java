package dev.agenttraces.traces.trace.domain;

/** Where a trace stands. Only a running trace accepts steps. */
public enum TraceStatus {
    RUNNING("Running"), COMPLETED("Completed"), FAILED("Failed"), CANCELLED("Cancelled");

    private final String label;

    TraceStatus(String label) {
        this.label = label;
    }

    /** The status as people read it, in lists, badges and filters. */
    public String getLabel() {
        return label;
    }

    public boolean isFinished() {
        return this != RUNNING;
    }
}
