package dev.agenttraces.traces.ingest.otlp;

/** A Content-Type or Content-Encoding the decoder does not speak: 415, naming what is accepted. */
public final class OtlpMediaTypeUnsupported extends OtlpBodyRefused {

    public OtlpMediaTypeUnsupported(String message) {
        super(message, null);
    }

    @Override
    public int httpStatus() {
        return 415;
    }
}
