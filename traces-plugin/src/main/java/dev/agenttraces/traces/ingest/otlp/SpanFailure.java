package dev.agenttraces.traces.ingest.otlp;

import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.trace.v1.Span;
import io.opentelemetry.proto.trace.v1.Status;

import java.util.Map;

/**
 * Whether and how a span failed. A span failed when its status is ERROR or it carries {@code error.type} (the
 * GenAI conventions set it on failed operations); the type is {@code error.type}, else the {@code exception}
 * event's {@code exception.type}, else {@code "error"}; the message is the status message, else the exception
 * event's {@code exception.message}. An exception event on a span that did not fail was handled, and is ignored.
 */
record SpanFailure(String type, String message, String statusMessage) {

    static SpanFailure of(Span span, SpanAttributes a) {
        String id = a.spanId();
        String statusMessage = span.getStatus().getMessage().isEmpty() ? null
                : StorableText.require(id, "status.message", span.getStatus().getMessage());
        String errorType = a.text("error.type");
        if (span.getStatus().getCode() != Status.StatusCode.STATUS_CODE_ERROR && errorType == null) {
            return new SpanFailure(null, null, statusMessage);
        }
        Map<String, AnyValue> exception = span.getEventsList().stream()
                .filter(e -> e.getName().equals("exception"))
                .findFirst()
                .map(e -> SpanAttributes.index(e.getAttributesList()))
                .orElse(Map.of());
        String type = errorType != null ? errorType : text(id, exception, "exception.type");
        String message = statusMessage != null ? statusMessage : text(id, exception, "exception.message");
        return new SpanFailure(type == null || type.isBlank() ? "error" : type, message, statusMessage);
    }

    private static String text(String spanId, Map<String, AnyValue> event, String key) {
        AnyValue value = event.get(key);
        return value == null ? null : StorableText.require(spanId, "event exception " + key, OtlpJson.toText(value));
    }
}
