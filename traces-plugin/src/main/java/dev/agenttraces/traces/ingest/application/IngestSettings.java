package dev.agenttraces.traces.ingest.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Ingest's MicroProfile Config keys, read once (see README's configuration table). */
@ApplicationScoped
public class IngestSettings {

    /** Largest accepted request body; a bigger one is refused with 413 before anything is written. */
    @Inject
    @ConfigProperty(name = "agent.traces.ingest.max-request-bytes", defaultValue = "8388608")
    long maxRequestBytes;

    /** Most items in one step batch; more is refused (413) while reading, before any result is built. */
    @Inject
    @ConfigProperty(name = "agent.traces.ingest.max-steps-per-batch", defaultValue = "5000")
    int maxStepsPerBatch;

    /** Deepest JSON nesting of an ingest body (the body's root counts as 1); deeper is refused (400). */
    @Inject
    @ConfigProperty(name = "agent.traces.ingest.max-json-depth", defaultValue = "64")
    int maxJsonDepth;

    public int maxStepsPerBatch() {
        return maxStepsPerBatch;
    }

    public int maxJsonDepth() {
        return maxJsonDepth;
    }

    public long maxRequestBytes() {
        return maxRequestBytes;
    }
}
