package dev.agenttraces.traces.ingest.otlp;

import io.opentelemetry.proto.trace.v1.Span;
import jakarta.json.JsonValue;

import java.util.List;

/**
 * The conversation content of one span: system instructions, input and output messages and reasoning text,
 * taken from the first family that has them, in this order: current GenAI attributes
 * ({@code gen_ai.system_instructions}, {@code gen_ai.input.messages}, {@code gen_ai.output.messages}),
 * OpenInference ({@code llm.input_messages.*}, {@code llm.output_messages.*}), OpenLLMetry
 * ({@code gen_ai.prompt.*}, {@code gen_ai.completion.*}), the deprecated GenAI span events, and finally the
 * opaque {@code input.value}/{@code output.value} or {@code traceloop.entity.input}/{@code .output} as one user
 * and one assistant message. Families are not merged, so a span that sends two forms is not counted twice.
 * Tool spans skip that last fallback: those values are the tool's arguments and result instead.
 * {@code toolCallsRequested} are the ids of the tool calls in the output only: the input's are earlier turns'.
 */
record SpanConversation(String systemInstructions, List<GenAiMessage> input, List<GenAiMessage> output,
                        String reasoning, List<String> toolCallsRequested) {

    static SpanConversation of(Span span, SpanAttributes attributes, GenAiSpanKind kind) {
        GenAiMessages reader = new GenAiMessages(attributes.spanId());
        String system = reader.partsText(attributes.json("gen_ai.system_instructions"),
                "attribute gen_ai.system_instructions");
        List<GenAiMessage> input = messages(span, attributes, reader, true, kind != GenAiSpanKind.TOOL_CALL);
        reader.takeToolCallIds(); // the input's tool calls were asked for by earlier LLM calls
        List<GenAiMessage> output = messages(span, attributes, reader, false, kind != GenAiSpanKind.TOOL_CALL);
        List<String> requested = reader.takeToolCallIds();
        String reasoning = StorableText.require(attributes.spanId(), "reasoning text", reader.reasoning());
        return new SpanConversation(system, input, output, reasoning, requested);
    }

    private static List<GenAiMessage> messages(Span span, SpanAttributes a, GenAiMessages reader, boolean input,
                                               boolean opaqueFallback) {
        String role = input ? "user" : "assistant";
        String current = input ? "gen_ai.input.messages" : "gen_ai.output.messages";
        if (a.firstKey(current) != null) {
            return reader.read(a.json(current), role, "attribute " + current);
        }
        String oi = input ? "llm.input_messages" : "llm.output_messages";
        JsonValue flattened = FlattenedMessages.openInference(a.all(), oi);
        if (flattened != null) {
            return reader.read(flattened, role, "attributes " + oi + ".*");
        }
        String ll = input ? "gen_ai.prompt" : "gen_ai.completion";
        flattened = FlattenedMessages.openLlmetry(a.all(), ll);
        if (flattened != null) {
            return reader.read(flattened, role, "attributes " + ll + ".*");
        }
        List<GenAiMessage> events = input ? EventMessages.input(span.getEventsList(), reader)
                : EventMessages.output(span.getEventsList(), reader);
        if (!events.isEmpty() || !opaqueFallback) {
            return events;
        }
        String opaque = input ? a.text("input.value", "traceloop.entity.input")
                : a.text("output.value", "traceloop.entity.output");
        return opaque == null ? List.of() : List.of(new GenAiMessage(role, opaque));
    }
}
