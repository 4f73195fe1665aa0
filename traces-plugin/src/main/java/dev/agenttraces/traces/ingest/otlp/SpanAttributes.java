package dev.agenttraces.traces.ingest.otlp;

import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import jakarta.json.JsonValue;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Typed, validating reads of one span's attributes. Each getter takes the accepted names of a concept in order
 * of preference (current convention first, then deprecated and other families), because GenAI conventions are
 * still "development" and instrumentations send every generation of names. Every string handed out has passed
 * {@link StorableText}; every count is a non-negative integer, or the span is refused naming the attribute.
 */
final class SpanAttributes {

    private final String spanId;
    private final Map<String, AnyValue> values;

    SpanAttributes(String spanId, List<KeyValue> attributes) {
        this.spanId = spanId;
        this.values = index(attributes);
    }

    /** First occurrence wins: OTLP requires unique keys, and a duplicate must not silently replace a value. */
    static Map<String, AnyValue> index(List<KeyValue> attributes) {
        Map<String, AnyValue> map = new LinkedHashMap<>(attributes.size() * 2);
        for (KeyValue kv : attributes) {
            map.putIfAbsent(kv.getKey(), kv.getValue());
        }
        return Collections.unmodifiableMap(map);
    }

    String spanId() {
        return spanId;
    }

    Map<String, AnyValue> all() {
        return values;
    }

    /** The first of {@code keys} that is present (and not an empty value), or null. */
    String firstKey(String... keys) {
        for (String key : keys) {
            AnyValue v = values.get(key);
            if (v != null && v.getValueCase() != AnyValue.ValueCase.VALUE_NOT_SET
                    && v.getValueCase() != AnyValue.ValueCase.STRING_VALUE_STRINDEX) {
                return key;
            }
        }
        return null;
    }

    /** The value of the first present key as text (structured values as JSON); null when none is present. */
    String text(String... keys) {
        String key = firstKey(keys);
        return key == null ? null : asText("attribute " + key, values.get(key));
    }

    /** The value of the first present key as JSON (a JSON string attribute is parsed); null when none is present. */
    JsonValue json(String... keys) {
        String key = firstKey(keys);
        return key == null ? null : StorableText.requireJson(spanId, "attribute " + key, OtlpJson.toJson(values.get(key)));
    }

    /** The value of the first present key as JSON text: JSON kept as sent, plain text quoted as a JSON string. */
    String jsonText(String... keys) {
        String key = firstKey(keys);
        return key == null ? null : asJsonText("attribute " + key, values.get(key));
    }

    private String asText(String what, AnyValue v) {
        return v.hasStringValue() ? StorableText.require(spanId, what, v.getStringValue())
                : StorableText.requireJson(spanId, what, OtlpJson.toJson(v)).toString();
    }

    private String asJsonText(String what, AnyValue v) {
        if (!v.hasStringValue()) {
            return StorableText.requireJson(spanId, what, OtlpJson.toJson(v)).toString();
        }
        String raw = StorableText.require(spanId, what, v.getStringValue());
        JsonValue parsed = OtlpJson.parseIfJson(raw);
        if (parsed == null) {
            return OtlpJson.PROVIDER.createValue(raw).toString();
        }
        StorableText.requireJson(spanId, what, parsed);
        return raw.strip();
    }

    /** A token count: the first present key, which must hold a non-negative integer; 0 when none is present. */
    long count(String... keys) {
        String key = firstKey(keys);
        return key == null ? 0 : nonNegative(key, values.get(key));
    }

    private long nonNegative(String key, AnyValue v) {
        long n = switch (v.getValueCase()) {
            case INT_VALUE -> v.getIntValue();
            case DOUBLE_VALUE -> integral(key, v.getDoubleValue());
            case STRING_VALUE -> parse(key, v.getStringValue().strip());
            default -> throw notCount(key, "a " + v.getValueCase().name().toLowerCase(java.util.Locale.ROOT));
        };
        if (n < 0) {
            throw notCount(key, Long.toString(n));
        }
        return n;
    }

    private long integral(String key, double d) {
        if (!Double.isFinite(d) || d != Math.rint(d) || Math.abs(d) >= 0x1p63) {
            throw notCount(key, Double.toString(d));
        }
        return (long) d;
    }

    private long parse(String key, String s) {
        try {
            return new BigDecimal(s).longValueExact();
        } catch (NumberFormatException | ArithmeticException e) {
            throw notCount(key, "\"" + (s.length() > 30 ? s.substring(0, 30) + "…" : s) + "\"");
        }
    }

    private SpanRefused notCount(String key, String got) {
        return new SpanRefused("span " + spanId + ": attribute " + key + " must be a non-negative integer token count,"
                + " got " + got + ".");
    }
}
