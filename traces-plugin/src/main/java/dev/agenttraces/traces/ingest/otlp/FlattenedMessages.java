package dev.agenttraces.traces.ingest.otlp;

import io.opentelemetry.proto.common.v1.AnyValue;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;

import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Rebuilds messages that OpenInference and OpenLLMetry flatten into indexed attributes into the message shape
 * {@link GenAiMessages} reads:
 * <ul>
 *   <li>OpenInference: {@code llm.input_messages.<i>.message.role}, {@code .message.content},
 *       {@code .message.contents.<j>.message_content.type|text}, and
 *       {@code .message.tool_calls.<j>.tool_call.id|function.name|function.arguments};</li>
 *   <li>OpenLLMetry: {@code gen_ai.prompt.<i>.role|content} and {@code gen_ai.completion.<i>.role|content},
 *       with {@code .tool_calls.<j>.id|name|arguments}.</li>
 * </ul>
 * Messages come out in index order, whatever order the attributes were sent in.
 */
final class FlattenedMessages {

    private FlattenedMessages() {
    }

    /** OpenInference messages under {@code prefix} (e.g. {@code llm.input_messages}); null when there are none. */
    static JsonArray openInference(Map<String, AnyValue> attributes, String prefix) {
        return messages(byIndex(attributes, prefix), m -> {
            JsonObjectBuilder message = OtlpJson.PROVIDER.createObjectBuilder();
            put(message, "role", m.get("message.role"));
            JsonArrayBuilder parts = OtlpJson.PROVIDER.createArrayBuilder();
            if (m.containsKey("message.content")) {
                parts.add(OtlpJson.toText(m.get("message.content")));
            }
            for (Map<String, AnyValue> c : byIndex(m, "message.contents").values()) {
                JsonObjectBuilder part = OtlpJson.PROVIDER.createObjectBuilder();
                put(part, "type", c.get("message_content.type"));
                put(part, "content", c.get("message_content.text"));
                parts.add(part);
            }
            toolCalls(parts, byIndex(m, "message.tool_calls"), "tool_call.id", "tool_call.function.name",
                    "tool_call.function.arguments");
            return message.add("parts", parts);
        });
    }

    /** OpenLLMetry messages under {@code prefix} ({@code gen_ai.prompt} or {@code gen_ai.completion}); null when none. */
    static JsonArray openLlmetry(Map<String, AnyValue> attributes, String prefix) {
        return messages(byIndex(attributes, prefix), m -> {
            JsonObjectBuilder message = OtlpJson.PROVIDER.createObjectBuilder();
            put(message, "role", m.get("role"));
            put(message, "content", m.get("content"));
            JsonArrayBuilder calls = OtlpJson.PROVIDER.createArrayBuilder();
            toolCalls(calls, byIndex(m, "tool_calls"), "id", "name", "arguments");
            return message.add("tool_calls", calls);
        });
    }

    private static JsonArray messages(SortedMap<Integer, Map<String, AnyValue>> indexed,
                                      Function<Map<String, AnyValue>, JsonObjectBuilder> message) {
        if (indexed.isEmpty()) {
            return null;
        }
        JsonArrayBuilder messages = OtlpJson.PROVIDER.createArrayBuilder();
        indexed.values().forEach(m -> messages.add(message.apply(m)));
        return messages.build();
    }

    private static void toolCalls(JsonArrayBuilder into, SortedMap<Integer, Map<String, AnyValue>> calls,
                                  String id, String name, String arguments) {
        for (Map<String, AnyValue> call : calls.values()) {
            JsonObjectBuilder part = OtlpJson.PROVIDER.createObjectBuilder().add("type", "tool_call");
            put(part, "id", call.get(id));
            put(part, "name", call.get(name));
            put(part, "arguments", call.get(arguments));
            into.add(part);
        }
    }

    private static void put(JsonObjectBuilder object, String key, AnyValue value) {
        if (value != null) {
            object.add(key, OtlpJson.toText(value));
        }
    }

    /**
     * The attributes {@code prefix.<n>.<rest>} grouped by {@code n}, each group keyed by {@code rest}. Keys whose
     * index is not a small non-negative integer are ignored (they are not part of this family's layout).
     */
    static SortedMap<Integer, Map<String, AnyValue>> byIndex(Map<String, AnyValue> attributes, String prefix) {
        SortedMap<Integer, Map<String, AnyValue>> groups = new TreeMap<>();
        String start = prefix + ".";
        for (Map.Entry<String, AnyValue> e : attributes.entrySet()) {
            String key = e.getKey();
            if (!key.startsWith(start)) {
                continue;
            }
            int dot = key.indexOf('.', start.length());
            String index = key.substring(start.length(), dot < 0 ? key.length() : dot);
            if (dot < 0 || index.isEmpty() || index.length() > 6 || !index.chars().allMatch(c -> c >= '0' && c <= '9')) {
                continue;
            }
            groups.computeIfAbsent(Integer.parseInt(index), i -> new TreeMap<>()).put(key.substring(dot + 1), e.getValue());
        }
        return groups;
    }
}
