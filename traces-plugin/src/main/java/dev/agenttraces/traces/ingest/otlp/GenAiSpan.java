package dev.agenttraces.traces.ingest.otlp;

import java.time.Instant;
import java.util.List;

/**
 * One accepted span in neutral terms, independent of the attribute family it came in, ready to become trace
 * steps. Ids are lower-case hex; {@code parentSpanId} is null for a root. Text fields are null when absent and
 * never contain NUL or lone surrogates. {@code toolArguments} is JSON text; {@code toolResult} is text as sent.
 *
 * @param end        null when the exporter sent no end time
 * @param name       the span name as sent
 * @param errorType  set when the span failed (status ERROR or {@code error.type}); null otherwise
 * @param statusCode the raw OTLP status code; {@code statusMessage} its description, null when empty
 * @param toolCallsRequested the ids of the tool calls an LLM call's output asked for, in order; empty for others
 */
public record GenAiSpan(String traceId, String spanId, String parentSpanId, Instant start, Instant end,
                        GenAiSpanKind kind, String name, String model, String provider, GenAiUsage usage,
                        String toolName, String toolCallId, String toolArguments, String toolResult,
                        String systemInstructions, List<GenAiMessage> inputMessages,
                        List<GenAiMessage> outputMessages, String reasoning, String errorType,
                        String errorMessage, long taskId, long agentId, SpanStatusCode statusCode,
                        String statusMessage, List<String> toolCallsRequested) {

    public GenAiSpan {
        inputMessages = List.copyOf(inputMessages);
        outputMessages = List.copyOf(outputMessages);
        toolCallsRequested = List.copyOf(toolCallsRequested);
    }

    /** A span that asked for no tool calls. */
    public GenAiSpan(String traceId, String spanId, String parentSpanId, Instant start, Instant end,
                     GenAiSpanKind kind, String name, String model, String provider, GenAiUsage usage,
                     String toolName, String toolCallId, String toolArguments, String toolResult,
                     String systemInstructions, List<GenAiMessage> inputMessages,
                     List<GenAiMessage> outputMessages, String reasoning, String errorType,
                     String errorMessage, long taskId, long agentId, SpanStatusCode statusCode,
                     String statusMessage) {
        this(traceId, spanId, parentSpanId, start, end, kind, name, model, provider, usage, toolName, toolCallId,
                toolArguments, toolResult, systemInstructions, inputMessages, outputMessages, reasoning, errorType,
                errorMessage, taskId, agentId, statusCode, statusMessage, List.of());
    }

    public boolean isError() {
        return errorType != null;
    }

    public boolean isRoot() {
        return parentSpanId == null;
    }
}
