package dev.agenttraces.traces.pricing.application;

/** A second recomputation was asked for while one runs; the database refused it. */
public class RecomputeAlreadyRunning extends RuntimeException {
    public RecomputeAlreadyRunning() {
        super("A recomputation is already running; wait for it to finish.");
    }
}
