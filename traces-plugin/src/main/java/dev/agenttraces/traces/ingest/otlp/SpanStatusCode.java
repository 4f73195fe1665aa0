package dev.agenttraces.traces.ingest.otlp;

/** The span's OTLP status code, kept raw so the consumer can tell an explicit OK from an unset status. */
public enum SpanStatusCode {
    UNSET, OK, ERROR
}
