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

    public long maxRequestBytes() {
        return maxRequestBytes;
    }
}
