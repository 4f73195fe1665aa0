package dev.agenttraces.traces.retention.domain;

/** A run was asked for while one runs (on this server or another); the database refused it. */
public class RetentionAlreadyRunning extends RuntimeException {
    public RetentionAlreadyRunning() {
        super("A retention run is already running; wait for it to finish.");
    }
}
