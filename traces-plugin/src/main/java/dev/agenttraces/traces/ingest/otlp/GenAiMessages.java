package dev.agenttraces.traces.ingest.otlp;

import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Normalises chat messages in the shapes instrumentations send to {@link GenAiMessage}s. The current GenAI shape
 * is {@code [{"role": …, "parts": [{"type": "text", "content": …}, …]}]}; older ones carry {@code content} as a
 * string or as OpenAI-style content blocks, and {@code tool_calls} beside it. The flattened and event families
 * are first rebuilt into one of these shapes, so there is one set of rules for all of them.
 *
 * <p>Rules: text parts (type {@code text}, or no type with a {@code content}/{@code text} string) are joined
 * with newlines; reasoning parts ({@code reasoning}, {@code thinking}) go to the reasoning text, not the message;
 * any other part (tool call, tool response, media) is kept as compact JSON when the message has no text.
 * The ids of the tool calls met (a part of type {@code tool_call}, OpenAI's {@code function} entries of
 * {@code tool_calls}, Anthropic's {@code tool_use} blocks) are kept apart, so a tool span can be put under the
 * LLM call that asked for it.
 */
final class GenAiMessages {

    /** Part types that are a model's request to call a tool. */
    private static final java.util.Set<String> TOOL_CALL_TYPES = java.util.Set.of("tool_call", "function", "tool_use");

    private final String spanId;
    private final List<String> reasoning = new ArrayList<>();
    private final List<String> toolCallIds = new ArrayList<>();

    GenAiMessages(String spanId) {
        this.spanId = spanId;
    }

    /** Reasoning text met in any message read so far, joined with newlines; null when there was none. */
    String reasoning() {
        return reasoning.isEmpty() ? null : String.join("\n", reasoning);
    }

    /** The ids of the tool calls met since the last call, in order; reading messages after this starts afresh. */
    List<String> takeToolCallIds() {
        List<String> ids = List.copyOf(toolCallIds);
        toolCallIds.clear();
        return ids;
    }

    /**
     * @param value       a messages value: an array of messages, one message object, or plain text
     * @param defaultRole the role of a message that names none
     * @param source      what to name when the text cannot be stored, e.g. {@code attribute gen_ai.input.messages}
     */
    List<GenAiMessage> read(JsonValue value, String defaultRole, String source) {
        List<GenAiMessage> messages = new ArrayList<>();
        if (value instanceof JsonArray array) {
            array.forEach(item -> messages.add(message(item, defaultRole)));
        } else if (value != null && value.getValueType() != JsonValue.ValueType.NULL) {
            messages.add(message(value, defaultRole));
        }
        for (GenAiMessage m : messages) {
            StorableText.require(spanId, source, m.role());
            StorableText.require(spanId, source, m.content());
        }
        return messages;
    }

    /** Text of a parts array (system instructions), with the same rules as a message's parts. */
    String partsText(JsonValue parts, String source) {
        if (parts == null) {
            return null;
        }
        String text = parts instanceof JsonArray array ? content(array) : OtlpJson.toText(parts);
        return StorableText.require(spanId, source, text);
    }

    private GenAiMessage message(JsonValue item, String defaultRole) {
        if (!(item instanceof JsonObject m)) {
            return new GenAiMessage(defaultRole, OtlpJson.toText(item));
        }
        String role = m.get("role") instanceof JsonString r && !r.getString().isBlank()
                ? r.getString().strip().toLowerCase(Locale.ROOT) : defaultRole;
        JsonArrayBuilder parts = OtlpJson.PROVIDER.createArrayBuilder();
        JsonValue content = m.get("content");
        if (m.get("parts") instanceof JsonArray p) {
            p.forEach(parts::add);
        } else if (content instanceof JsonString s) {
            JsonValue blocks = OtlpJson.parseIfJson(s.getString());
            if (blocks instanceof JsonArray b) {
                b.forEach(parts::add);
            } else {
                parts.add(s);
            }
        } else if (content instanceof JsonArray blocks) {
            blocks.forEach(parts::add);
        } else if (content != null && content.getValueType() != JsonValue.ValueType.NULL) {
            parts.add(content);
        }
        if (m.get("tool_calls") instanceof JsonArray calls) {
            calls.forEach(parts::add);
        }
        return new GenAiMessage(role, content(parts.build()));
    }

    private String content(JsonArray parts) {
        List<String> texts = new ArrayList<>();
        JsonArrayBuilder others = OtlpJson.PROVIDER.createArrayBuilder();
        boolean hasOthers = false;
        for (JsonValue part : parts) {
            if (part instanceof JsonString s) {
                texts.add(s.getString());
                continue;
            }
            String type = part instanceof JsonObject o && o.get("type") instanceof JsonString t
                    ? t.getString().toLowerCase(Locale.ROOT) : "";
            String text = partText(part);
            if (TOOL_CALL_TYPES.contains(type) && part instanceof JsonObject o && o.get("id") instanceof JsonString id
                    && !id.getString().isBlank()) {
                toolCallIds.add(id.getString());
            }
            if ((type.equals("reasoning") || type.equals("thinking")) && text != null) {
                reasoning.add(text);
            } else if ((type.equals("text") || type.isEmpty()) && text != null) {
                texts.add(text);
            } else {
                others.add(part);
                hasOthers = true;
            }
        }
        if (!texts.isEmpty()) {
            return String.join("\n", texts);
        }
        return hasOthers ? others.build().toString() : "";
    }

    private static String partText(JsonValue part) {
        if (!(part instanceof JsonObject o)) {
            return null;
        }
        for (String key : new String[] {"content", "text", "thinking"}) {
            if (o.get(key) instanceof JsonString s) {
                return s.getString();
            }
        }
        return null;
    }
}
