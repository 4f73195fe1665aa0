package dev.agenttraces.traces.ingest.otlp;

/**
 * Thrown while one span is mapped when that span cannot be accepted; the mapper turns it into a
 * {@link SpanRefusal} and goes on with the next span, so one bad span never costs the whole export.
 */
final class SpanRefused extends RuntimeException {

    SpanRefused(String message) {
        super(message, null, false, false);
    }
}
