package dev.agenttraces.traces.ingest.otlp;

/**
 * A span that was not mapped and why, for the OTLP partial-success answer ({@code rejected_spans} and
 * {@code error_message}). {@code spanId} is the hex id as sent, empty when the id itself was unusable.
 */
public record SpanRefusal(String traceId, String spanId, String message) {
}
