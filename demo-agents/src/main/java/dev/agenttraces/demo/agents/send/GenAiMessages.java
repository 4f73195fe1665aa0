package dev.agenttraces.demo.agents.send;

import dev.agenttraces.demo.agents.scenario.Message;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;

import java.util.List;

/**
 * The JSON the GenAI semantic conventions put in {@code gen_ai.system_instructions},
 * {@code gen_ai.input.messages} and {@code gen_ai.output.messages}: messages of typed parts
 * ({@code text}, {@code reasoning}, {@code tool_call_response}).
 */
final class GenAiMessages {

    private GenAiMessages() {
    }

    static String systemInstructions(List<Message> messages) {
        JsonArrayBuilder parts = Json.createArrayBuilder();
        messages.stream().filter(m -> m.role().equals("system")).forEach(m -> parts.add(part("text", m.text())));
        return parts.build().toString();
    }

    /** Every message but the system ones, which go to {@link #systemInstructions}. */
    static String input(List<Message> messages) {
        JsonArrayBuilder array = Json.createArrayBuilder();
        for (Message m : messages) {
            if (m.role().equals("system")) {
                continue;
            }
            JsonObjectBuilder part = m.role().equals("tool")
                    ? Json.createObjectBuilder().add("type", "tool_call_response").add("id", String.valueOf(m.toolCallId()))
                    .add("response", m.text())
                    : part("text", m.text());
            array.add(Json.createObjectBuilder().add("role", m.role()).add("parts", Json.createArrayBuilder().add(part)));
        }
        return array.build().toString();
    }

    /** The assistant's answer: its markdown reasoning. */
    static String output(String reasoning) {
        return Json.createArrayBuilder().add(Json.createObjectBuilder().add("role", "assistant")
                .add("parts", Json.createArrayBuilder().add(part("reasoning", reasoning)))
                .add("finish_reason", "stop")).build().toString();
    }

    /** A single text part, as {@code gen_ai.system_instructions} holds it. */
    static String textParts(String text) {
        return Json.createArrayBuilder().add(part("text", text)).build().toString();
    }

    /** One user message of one text part: a sub-agent's brief. */
    static String userText(String text) {
        return Json.createArrayBuilder().add(Json.createObjectBuilder().add("role", "user")
                .add("parts", Json.createArrayBuilder().add(part("text", text)))).build().toString();
    }

    private static JsonObjectBuilder part(String type, String content) {
        return Json.createObjectBuilder().add("type", type).add("content", content);
    }
}
