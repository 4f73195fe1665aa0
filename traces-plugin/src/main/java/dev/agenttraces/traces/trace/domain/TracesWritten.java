package dev.agenttraces.traces.trace.domain;

/**
 * CDI event: a trace-store transaction committed on this node (a trace started, steps appended, a trace
 * finished). Carries nothing: whoever listens (the task panel's live updates) re-reads what it needs, so
 * the event can never leak a trace to someone who may not see it.
 */
public record TracesWritten() {

    public static final TracesWritten INSTANCE = new TracesWritten();
}
