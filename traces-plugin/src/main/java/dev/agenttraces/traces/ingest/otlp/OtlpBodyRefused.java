package dev.agenttraces.traces.ingest.otlp;

/**
 * A request body the decoder refuses as a whole. Each subclass stands for one HTTP status so the endpoint can
 * answer with {@link #httpStatus()} and the message, which is written for the client (OTLP clients do not
 * retry a 4xx, so the message is all they get to fix their exporter).
 */
public abstract sealed class OtlpBodyRefused extends RuntimeException
        permits OtlpBodyMalformed, OtlpBodyTooLarge, OtlpMediaTypeUnsupported {

    protected OtlpBodyRefused(String message, Throwable cause) {
        super(message, cause);
    }

    /** The HTTP status this refusal maps to (400, 413 or 415). */
    public abstract int httpStatus();
}
