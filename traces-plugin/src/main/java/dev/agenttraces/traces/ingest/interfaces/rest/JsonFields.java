package dev.agenttraces.traces.ingest.interfaces.rest;

import dev.agenttraces.traces.api.ApiInstant;
import dev.agenttraces.traces.shared.Rejection;
import dev.agenttraces.traces.shared.StorableUnicode;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import java.time.Instant;
import java.util.UUID;
import java.util.function.Function;

/**
 * Typed, validating reads of a JSON object's fields. Every failure names the field by its path in the
 * request (e.g. {@code steps[3].inputTokens}), so the client knows exactly what to fix.
 *
 * @param source the object's value of a key, or null: a {@code JsonObject}'s, or a step's {@link StepFields}
 */
record JsonFields(Function<String, JsonValue> source, String prefix) {

    static JsonFields of(JsonObject json, String prefix) {
        return new JsonFields(json::get, prefix);
    }

    String path(String key) {
        return prefix + key;
    }

    private JsonValue value(String key) {
        JsonValue v = source.apply(key);
        return v == null || v.getValueType() == JsonValue.ValueType.NULL ? null : v;
    }

    String string(String key, int maxLength) {
        JsonValue v = value(key);
        if (v == null) {
            return null;
        }
        if (!(v instanceof JsonString s)) {
            throw Rejection.invalid(path(key), path(key) + " must be a string.");
        }
        String text = s.getString();
        if (text.length() > maxLength) {
            throw Rejection.invalid(path(key), path(key) + " is longer than " + maxLength + " characters.");
        }
        return storable(key, text);
    }

    /** The text itself, or a refusal naming the field when the database cannot store it as sent. */
    private String storable(String key, String text) {
        String problem = StorableUnicode.problem(text);
        if (problem != null) {
            throw Rejection.invalid(path(key), path(key) + " " + problem + ".");
        }
        return text;
    }

    String requiredString(String key, int maxLength) {
        String text = string(key, maxLength);
        if (text == null) {
            throw Rejection.invalid(path(key), path(key) + " is required.");
        }
        return text;
    }

    /** Any JSON value as text: strings as they are, objects and arrays serialised. */
    String jsonText(String key) {
        JsonValue v = value(key);
        if (v == null) {
            return null;
        }
        // Serialised JSON escapes NUL as \u0000, but a lone surrogate is written as it is: check the text.
        return storable(key, v instanceof JsonString s ? s.getString() : v.toString());
    }

    /** A non-negative whole number, or {@code defaultValue} when absent. */
    long count(String key, long defaultValue) {
        JsonValue v = value(key);
        if (v == null) {
            return defaultValue;
        }
        long n = integral(key, v);
        if (n < 0) {
            throw Rejection.invalid(path(key), path(key) + " cannot be negative.");
        }
        return n;
    }

    Long optionalCount(String key) {
        return value(key) == null ? null : count(key, 0);
    }

    long requiredLong(String key) {
        JsonValue v = value(key);
        if (v == null) {
            throw Rejection.invalid(path(key), path(key) + " is required.");
        }
        return integral(key, v);
    }

    private long integral(String key, JsonValue v) {
        if (!(v instanceof JsonNumber n) || !n.isIntegral()) {
            throw Rejection.invalid(path(key), path(key) + " must be a whole number.");
        }
        try {
            return n.longValueExact();
        } catch (ArithmeticException e) {
            throw Rejection.invalid(path(key), path(key) + " is out of range.");
        }
    }

    Boolean bool(String key) {
        JsonValue v = value(key);
        if (v == null) {
            return null;
        }
        if (v.getValueType() == JsonValue.ValueType.TRUE) {
            return true;
        }
        if (v.getValueType() == JsonValue.ValueType.FALSE) {
            return false;
        }
        throw Rejection.invalid(path(key), path(key) + " must be true or false.");
    }

    /** An instant within the bounds every API instant keeps ({@link ApiInstant}). */
    Instant instant(String key) {
        return ApiInstant.of(path(key), string(key, 64));
    }

    Instant requiredInstant(String key) {
        Instant at = instant(key);
        if (at == null) {
            throw Rejection.invalid(path(key), path(key) + " is required.");
        }
        return at;
    }

    UUID uuid(String key) {
        String text = string(key, 64);
        if (text == null) {
            return null;
        }
        try {
            return UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            throw Rejection.invalid(path(key), path(key) + " must be a UUID.");
        }
    }
}
