package dev.agenttraces.traces.ingest.otlp;

import com.google.protobuf.ByteString;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonException;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import jakarta.json.stream.JsonParser;

import java.io.StringReader;
import java.util.Base64;

/**
 * JSON helpers of the OTLP package: one JSON-P provider (looking it up per call scans the class path), structured
 * attribute values ({@link AnyValue}) as JSON, and reading the JSON text some instrumentations put in string
 * attributes, with the same nesting limit as the request body so a hostile attribute cannot exhaust the stack.
 */
final class OtlpJson {

    static final JsonProvider PROVIDER = JsonProvider.provider();

    private OtlpJson() {
    }

    /**
     * The JSON value a string attribute holds, or null when it is not JSON (or nests too deep), so callers can
     * treat it as plain text. Only objects and arrays count: a bare {@code 42} or {@code "x"} stays text.
     */
    static JsonValue parseIfJson(String text) {
        String trimmed = text.strip();
        if (trimmed.isEmpty() || (trimmed.charAt(0) != '{' && trimmed.charAt(0) != '[') || !withinDepth(trimmed)) {
            return null;
        }
        try (JsonReader reader = PROVIDER.createReader(new StringReader(trimmed))) {
            return reader.readValue();
        } catch (JsonException e) {
            return null;
        }
    }

    private static boolean withinDepth(String json) {
        int depth = 0;
        try (JsonParser parser = PROVIDER.createParser(new StringReader(json))) {
            while (parser.hasNext()) {
                switch (parser.next()) {
                    case START_OBJECT, START_ARRAY -> {
                        if (++depth > OtlpTraceDecoder.MAX_JSON_DEPTH) {
                            return false;
                        }
                    }
                    case END_OBJECT, END_ARRAY -> depth--;
                    default -> { }
                }
            }
            return true;
        } catch (JsonException e) {
            return false;
        }
    }

    /**
     * An attribute value as JSON: a string that holds a JSON object or array becomes that value (the GenAI
     * conventions allow either form), other strings a JSON string, arrays and key-value lists JSON arrays and
     * objects, bytes base64. Recursion is bounded by protobuf's own nesting limit on the decoded message.
     */
    static JsonValue toJson(AnyValue value) {
        return switch (value.getValueCase()) {
            case STRING_VALUE -> {
                JsonValue parsed = parseIfJson(value.getStringValue());
                yield parsed != null ? parsed : PROVIDER.createValue(value.getStringValue());
            }
            case BOOL_VALUE -> value.getBoolValue() ? JsonValue.TRUE : JsonValue.FALSE;
            case INT_VALUE -> PROVIDER.createValue(value.getIntValue());
            case DOUBLE_VALUE -> Double.isFinite(value.getDoubleValue())
                    ? PROVIDER.createValue(value.getDoubleValue())
                    : PROVIDER.createValue(Double.toString(value.getDoubleValue()));
            case BYTES_VALUE -> PROVIDER.createValue(base64(value.getBytesValue()));
            case ARRAY_VALUE -> {
                JsonArrayBuilder array = PROVIDER.createArrayBuilder();
                value.getArrayValue().getValuesList().forEach(v -> array.add(toJson(v)));
                yield array.build();
            }
            case KVLIST_VALUE -> {
                JsonObjectBuilder object = PROVIDER.createObjectBuilder();
                for (KeyValue kv : value.getKvlistValue().getValuesList()) {
                    object.add(kv.getKey(), toJson(kv.getValue()));
                }
                yield object.build();
            }
            // a string-table index only means something inside a profiles dictionary, never in a trace
            case STRING_VALUE_STRINDEX, VALUE_NOT_SET -> JsonValue.NULL;
        };
    }

    /** A value as text: strings as they are, anything structured as compact JSON. */
    static String toText(AnyValue value) {
        if (value.hasStringValue()) {
            return value.getStringValue();
        }
        JsonValue json = toJson(value);
        return json instanceof JsonString s ? s.getString() : json.toString();
    }

    /** A JSON value as text: a JSON string unquoted, anything else as compact JSON. */
    static String toText(JsonValue value) {
        return value instanceof JsonString s ? s.getString() : value.toString();
    }

    private static String base64(ByteString bytes) {
        return Base64.getEncoder().encodeToString(bytes.toByteArray());
    }
}
