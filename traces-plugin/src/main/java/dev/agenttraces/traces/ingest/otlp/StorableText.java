package dev.agenttraces.traces.ingest.otlp;

import dev.agenttraces.traces.shared.StorableUnicode;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

/**
 * Applies the one storable-text rule ({@link StorableUnicode}: no NUL, no lone surrogate) to a span's
 * attributes, so a refusal names the span and the attribute and the client knows what to fix, instead of the
 * insert failing later for the whole batch.
 */
final class StorableText {

    private StorableText() {
    }

    /** The value itself when storable (null stays null); otherwise the span is refused naming {@code what}. */
    static String require(String spanId, String what, String value) {
        String problem = StorableUnicode.problem(value);
        if (problem != null) {
            throw new SpanRefused("span " + spanId + ": " + what + " " + problem + "; strip it before export.");
        }
        return value;
    }

    /**
     * Checks every string and key inside a JSON value: serialised, a NUL would hide as a {@code \\u0000} escape,
     * which PostgreSQL's {@code jsonb} refuses just the same.
     */
    static JsonValue requireJson(String spanId, String what, JsonValue value) {
        switch (value) {
            case JsonString s -> require(spanId, what, s.getString());
            case JsonArray a -> a.forEach(v -> requireJson(spanId, what, v));
            case JsonObject o -> o.forEach((k, v) -> {
                require(spanId, what, k);
                requireJson(spanId, what, v);
            });
            default -> { }
        }
        return value;
    }
}
