package dev.agenttraces.traces.ingest.otlp;

import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.trace.v1.Span;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Messages from span events, the form older GenAI conventions used before messages became span attributes:
 * {@code gen_ai.system.message}, {@code gen_ai.user.message}, {@code gen_ai.assistant.message} and
 * {@code gen_ai.tool.message} (input, role from the event name unless a {@code role} attribute says otherwise)
 * and {@code gen_ai.choice} (output, its {@code message} attribute or its own {@code content}); and the oldest
 * {@code gen_ai.content.prompt} / {@code gen_ai.content.completion} events with their {@code gen_ai.prompt} /
 * {@code gen_ai.completion} attribute. Events come in the order they were recorded.
 */
final class EventMessages {

    private static final Map<String, String> INPUT_ROLES = Map.of(
            "gen_ai.system.message", "system",
            "gen_ai.user.message", "user",
            "gen_ai.assistant.message", "assistant",
            "gen_ai.tool.message", "tool");

    private EventMessages() {
    }

    static List<GenAiMessage> input(List<Span.Event> events, GenAiMessages reader) {
        List<GenAiMessage> messages = new ArrayList<>();
        for (Span.Event event : events) {
            String role = INPUT_ROLES.get(event.getName());
            if (role != null) {
                messages.addAll(reader.read(attributes(event), role, "event " + event.getName()));
            } else if (event.getName().equals("gen_ai.content.prompt")) {
                messages.addAll(legacy(event, "gen_ai.prompt", "user", reader));
            }
        }
        return messages;
    }

    static List<GenAiMessage> output(List<Span.Event> events, GenAiMessages reader) {
        List<GenAiMessage> messages = new ArrayList<>();
        for (Span.Event event : events) {
            if (event.getName().equals("gen_ai.choice")) {
                JsonObject attributes = attributes(event);
                JsonValue message = attributes.get("message") instanceof JsonObject m ? m : attributes;
                messages.addAll(reader.read(message, "assistant", "event gen_ai.choice"));
            } else if (event.getName().equals("gen_ai.content.completion")) {
                messages.addAll(legacy(event, "gen_ai.completion", "assistant", reader));
            }
        }
        return messages;
    }

    private static List<GenAiMessage> legacy(Span.Event event, String key, String role, GenAiMessages reader) {
        AnyValue value = SpanAttributes.index(event.getAttributesList()).get(key);
        return value == null ? List.of() : reader.read(OtlpJson.toJson(value), role, "event " + event.getName());
    }

    private static JsonObject attributes(Span.Event event) {
        JsonObjectBuilder object = OtlpJson.PROVIDER.createObjectBuilder();
        for (KeyValue kv : event.getAttributesList()) {
            object.add(kv.getKey(), OtlpJson.toJson(kv.getValue()));
        }
        return object.build();
    }
}
