package dev.agenttraces.traces.ingest.otlp;

/** The body cannot be decoded as an {@code ExportTraceServiceRequest} (bad protobuf, JSON, gzip, ids or nesting): 400. */
public final class OtlpBodyMalformed extends OtlpBodyRefused {

    public OtlpBodyMalformed(String message) {
        super(message, null);
    }

    public OtlpBodyMalformed(String message, Throwable cause) {
        super(message, cause);
    }

    @Override
    public int httpStatus() {
        return 400;
    }
}
