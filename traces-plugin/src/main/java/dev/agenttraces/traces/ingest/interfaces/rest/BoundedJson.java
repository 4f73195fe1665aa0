package dev.agenttraces.traces.ingest.interfaces.rest;

import dev.agenttraces.traces.api.Jsonp;
import dev.agenttraces.traces.shared.Rejection;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParser;

/**
 * Builds JSON values from a streaming parser with a nesting limit. The parser's own {@code getValue()}
 * recurses once per level, so 100,000 nested brackets ended in a StackOverflowError (a 500); here a value
 * deeper than {@code maxDepth} (counted from the body's root) is refused with a 400 naming the top-level field it is in (the path is
 * never built per element, so a long key cannot make it quadratic), and
 * the recursion can never go deeper than that limit.
 */
record BoundedJson(JsonParser parser, int maxDepth) {

    /** The value whose first event was just read, at nesting {@code depth} (the body's root is 1). */
    JsonValue value(JsonParser.Event first, int depth, String path) {
        return switch (first) {
            case START_OBJECT -> object(depth(depth, path), path);
            case START_ARRAY -> array(depth(depth, path), path);
            case VALUE_STRING, VALUE_NUMBER, VALUE_TRUE, VALUE_FALSE, VALUE_NULL -> parser.getValue();
            default -> throw Rejection.invalid(path, "Unexpected JSON " + first + " at " + path + ".");
        };
    }

    /**
     * The fields of the object whose {@code START_OBJECT} was just read, at nesting {@code depth}, into
     * {@code values} by {@code slot} (a key's slot, or -1 to skip its value): a step is read without building a
     * {@code JsonObject} ({@link StepFields}). Returns {@code values}.
     */
    JsonValue[] fields(int depth, String path, java.util.function.ToIntFunction<String> slot, JsonValue[] values) {
        depth(depth, path);
        while (parser.next() == JsonParser.Event.KEY_NAME) {
            int i = slot.applyAsInt(parser.getString());
            JsonParser.Event e = parser.next();
            if (i >= 0) {
                values[i] = value(e, depth + 1, path);
            } else {
                skip(e, depth + 1, path);
            }
        }
        return values;
    }

    /** Skips the value whose first event was just read, with the same nesting limit. */
    void skip(JsonParser.Event first, int depth, String path) {
        if (first != JsonParser.Event.START_OBJECT && first != JsonParser.Event.START_ARRAY) {
            return;
        }
        int open = 1;
        depth(depth, path);
        while (open > 0) {
            JsonParser.Event e = parser.next();
            if (e == JsonParser.Event.START_OBJECT || e == JsonParser.Event.START_ARRAY) {
                depth(depth + open, path);
                open++;
            } else if (e == JsonParser.Event.END_OBJECT || e == JsonParser.Event.END_ARRAY) {
                open--;
            }
        }
    }

    private int depth(int depth, String path) {
        if (depth > maxDepth) {
            throw Rejection.invalid(path, "JSON nested deeper than " + maxDepth
                    + " levels (agent.traces.ingest.max-json-depth) at " + path + ".");
        }
        return depth;
    }

    private JsonValue object(int depth, String path) {
        JsonObjectBuilder b = Jsonp.BUILDERS.createObjectBuilder();
        while (parser.next() == JsonParser.Event.KEY_NAME) {
            String key = parser.getString();
            b.add(key, value(parser.next(), depth + 1, path));
        }
        return b.build();
    }

    private JsonValue array(int depth, String path) {
        JsonArrayBuilder b = Jsonp.BUILDERS.createArrayBuilder();
        for (JsonParser.Event e = parser.next(); e != JsonParser.Event.END_ARRAY; e = parser.next()) {
            b.add(value(e, depth + 1, path));
        }
        return b.build();
    }
}
