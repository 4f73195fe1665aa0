package dev.agenttraces.traces.ingest.otlp;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

/**
 * Refuses text the database cannot hold faithfully: PostgreSQL rejects NUL in {@code text} columns, and a lone
 * UTF-16 surrogate (possible through a JSON {@code \\ud800} escape) has no UTF-8 form. Refusing names the attribute
 * so the client knows what to fix, instead of the insert failing later for the whole batch.
 */
final class StorableText {

    private StorableText() {
    }

    /** The value itself when storable (null stays null); otherwise the span is refused naming {@code what}. */
    static String require(String spanId, String what, String value) {
        if (value == null) {
            return null;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\u0000') {
                throw new SpanRefused("span " + spanId + ": " + what + " contains a NUL character (\\u0000),"
                        + " which cannot be stored; strip it before export.");
            }
            if (Character.isHighSurrogate(c) && i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                throw new SpanRefused("span " + spanId + ": " + what + " contains a lone UTF-16 surrogate at index "
                        + i + ", which is not valid Unicode text.");
            }
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
