package dev.agenttraces.traces.ingest.interfaces.rest;

import dev.agenttraces.traces.api.Problem;

import java.io.IOException;

/** Thrown by {@link LimitedInputStream} when a body passes the configured size limit. */
public class PayloadTooLarge extends IOException {

    private final long limit;

    public PayloadTooLarge(long limit) {
        super("The request body is larger than " + limit + " bytes.");
        this.limit = limit;
    }

    public Problem problem() {
        return new Problem("too-large", "Payload too large", 413, getMessage()
                + " Send fewer steps per batch (limit: agent.traces.ingest.max-request-bytes = " + limit + ").", "$");
    }

    /** The size-limit failure somewhere in the cause chain (JSON-P wraps I/O errors), or null. */
    public static PayloadTooLarge in(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof PayloadTooLarge p) {
                return p;
            }
        }
        return null;
    }
}
