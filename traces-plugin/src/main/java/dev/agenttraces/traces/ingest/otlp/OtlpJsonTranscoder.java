package dev.agenttraces.traces.ingest.otlp;

import jakarta.json.JsonException;
import jakarta.json.stream.JsonGenerator;
import jakarta.json.stream.JsonLocation;
import jakarta.json.stream.JsonParser;

import java.io.StringReader;
import java.io.StringWriter;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Set;

/**
 * Rewrites OTLP/JSON into the standard protobuf JSON mapping that {@code JsonFormat} reads: OTLP encodes
 * {@code traceId}, {@code spanId} and {@code parentSpanId} (in spans and links alike) as hex, protobuf as base64.
 * It streams parser events straight into a generator, so no tree of the body is built, and counts nesting on
 * the way, refusing more than the allowed depth before any recursive parser sees it. Everything else (int64 as
 * strings, integer enums, unknown fields) passes through untouched for {@code JsonFormat} to judge.
 *
 * <p>In an OTLP trace request these key names only ever name id fields (attribute keys are values, not JSON
 * keys), so matching on the key is exact. Lenient on one point: an id that is not hex but is base64 of exactly
 * 8 or 16 bytes (exporters that use the plain protobuf mapping) is kept as it is.
 */
final class OtlpJsonTranscoder {

    private static final Set<String> ID_FIELDS = Set.of("traceId", "spanId", "parentSpanId",
            "trace_id", "span_id", "parent_span_id");

    private OtlpJsonTranscoder() {
    }

    static String toProtobufJson(String otlpJson, int maxDepth) {
        StringWriter out = new StringWriter(otlpJson.length() + otlpJson.length() / 8 + 16);
        try (JsonParser parser = OtlpJson.PROVIDER.createParser(new StringReader(otlpJson));
             JsonGenerator generator = OtlpJson.PROVIDER.createGenerator(out)) {
            copy(parser, generator, maxDepth);
        } catch (JsonException e) {
            throw new OtlpBodyMalformed("The body is not valid JSON: " + e.getMessage(), e);
        }
        return out.toString();
    }

    private static void copy(JsonParser p, JsonGenerator g, int maxDepth) {
        int depth = 0;
        String key = null;
        while (p.hasNext()) {
            JsonParser.Event event = p.next();
            switch (event) {
                case KEY_NAME -> {
                    key = p.getString();
                    continue;
                }
                case START_OBJECT, START_ARRAY -> {
                    if (++depth > maxDepth) {
                        throw new OtlpBodyMalformed("The JSON body nests deeper than " + maxDepth + " levels"
                                + at(p.getLocation()) + ".");
                    }
                    boolean object = event == JsonParser.Event.START_OBJECT;
                    if (key == null) {
                        if (object) { g.writeStartObject(); } else { g.writeStartArray(); }
                    } else if (object) {
                        g.writeStartObject(key);
                    } else {
                        g.writeStartArray(key);
                    }
                }
                case END_OBJECT, END_ARRAY -> {
                    depth--;
                    g.writeEnd();
                }
                case VALUE_STRING -> {
                    String value = p.getString();
                    if (key == null) {
                        g.write(value);
                    } else {
                        g.write(key, ID_FIELDS.contains(key) ? idAsBase64(key, value, p.getLocation()) : value);
                    }
                }
                case VALUE_NUMBER -> {
                    if (key == null) { g.write(p.getBigDecimal()); } else { g.write(key, p.getBigDecimal()); }
                }
                case VALUE_TRUE, VALUE_FALSE -> {
                    boolean value = event == JsonParser.Event.VALUE_TRUE;
                    if (key == null) { g.write(value); } else { g.write(key, value); }
                }
                case VALUE_NULL -> {
                    if (key == null) { g.writeNull(); } else { g.writeNull(key); }
                }
            }
            key = null;
        }
    }

    /** Hex (case-insensitive, per the OTLP specification) to base64; empty stays empty (a root's parent). */
    static String idAsBase64(String field, String value, JsonLocation location) {
        if (value.isEmpty()) {
            return value;
        }
        if (value.length() % 2 == 0 && value.chars().allMatch(HexFormat::isHexDigit)) {
            return Base64.getEncoder().encodeToString(HexFormat.of().parseHex(value));
        }
        try {
            int bytes = Base64.getDecoder().decode(value).length;
            if (bytes == 8 || bytes == 16) {
                return value;
            }
        } catch (IllegalArgumentException notBase64) {
            // fall through to the refusal below
        }
        throw new OtlpBodyMalformed(field + " \"" + abbreviate(value) + "\"" + at(location)
                + " is not hex; OTLP/JSON encodes trace and span ids as hex strings (32 and 16 characters).");
    }

    private static String at(JsonLocation location) {
        return location == null ? "" : " at line " + location.getLineNumber() + ", column " + location.getColumnNumber();
    }

    private static String abbreviate(String value) {
        return value.length() <= 40 ? value : value.substring(0, 40) + "…";
    }
}
