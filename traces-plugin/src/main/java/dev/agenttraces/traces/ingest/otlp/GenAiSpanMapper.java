package dev.agenttraces.traces.ingest.otlp;

import com.google.protobuf.ByteString;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import io.opentelemetry.proto.trace.v1.Span;
import io.opentelemetry.proto.trace.v1.Status;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * Maps the spans of an OTLP export to {@link GenAiSpan}s, span by span: a span that cannot be accepted
 * (bad ids or times, no task or agent, unstorable text, bad token counts) becomes a {@link SpanRefusal} with a
 * message for the client, and the others go on, matching OTLP's partial-success model. Stateless and
 * thread-safe. Attribute names accepted per family are documented in {@code docs/OTLP.md}.
 */
public final class GenAiSpanMapper {

    private static final HexFormat HEX = HexFormat.of();

    public GenAiSpans map(ExportTraceServiceRequest request) {
        List<GenAiSpan> spans = new ArrayList<>();
        List<SpanRefusal> refusals = new ArrayList<>();
        for (ResourceSpans resourceSpans : request.getResourceSpansList()) {
            map(resourceSpans, spans, refusals);
        }
        return new GenAiSpans(spans, refusals);
    }

    public GenAiSpans map(ResourceSpans resourceSpans) {
        List<GenAiSpan> spans = new ArrayList<>();
        List<SpanRefusal> refusals = new ArrayList<>();
        map(resourceSpans, spans, refusals);
        return new GenAiSpans(spans, refusals);
    }

    private void map(ResourceSpans resourceSpans, List<GenAiSpan> spans, List<SpanRefusal> refusals) {
        Map<String, AnyValue> resource = SpanAttributes.index(resourceSpans.getResource().getAttributesList());
        for (ScopeSpans scope : resourceSpans.getScopeSpansList()) {
            for (Span span : scope.getSpansList()) {
                String traceId = hex(span.getTraceId());
                String spanId = hex(span.getSpanId());
                try {
                    spans.add(span(span, traceId, spanId, resource));
                } catch (SpanRefused e) {
                    refusals.add(new SpanRefusal(traceId, spanId, e.getMessage()));
                }
            }
        }
    }

    private GenAiSpan span(Span span, String traceId, String spanId, Map<String, AnyValue> resource) {
        String parentSpanId = ids(span, traceId, spanId);
        Instant start = instant(spanId, "startTimeUnixNano", span.getStartTimeUnixNano());
        Instant end = instant(spanId, "endTimeUnixNano", span.getEndTimeUnixNano());
        if (start == null) {
            throw new SpanRefused("span " + spanId + " has no startTimeUnixNano.");
        }
        if (end != null && end.isBefore(start)) {
            throw new SpanRefused("span " + spanId + " ends (endTimeUnixNano) before it starts (startTimeUnixNano).");
        }
        SpanAttributes a = new SpanAttributes(spanId, span.getAttributesList());
        TaskboardIds ids = TaskboardIds.of(spanId, a.all(), resource);
        String name = StorableText.require(spanId, "the span name", span.getName());
        GenAiSpanKind kind = GenAiKindRule.of(a, parentSpanId != null);
        SpanConversation conversation = SpanConversation.of(span, a, kind);
        boolean tool = kind == GenAiSpanKind.TOOL_CALL;
        String toolName = tool ? a.text("gen_ai.tool.name", "tool.name", "traceloop.entity.name") : a.text("gen_ai.tool.name");
        SpanFailure failure = SpanFailure.of(span, a);
        return new GenAiSpan(traceId, spanId, parentSpanId, start, end, kind, name,
                a.text("gen_ai.response.model", "gen_ai.request.model", "llm.model_name"),
                a.text("gen_ai.provider.name", "gen_ai.system", "llm.provider", "llm.system"),
                usage(a), tool && toolName == null ? name : toolName,
                a.text("gen_ai.tool.call.id", "tool_call.id"),
                tool ? a.jsonText("gen_ai.tool.call.arguments", "input.value", "tool.parameters", "traceloop.entity.input")
                        : a.jsonText("gen_ai.tool.call.arguments"),
                tool ? a.text("gen_ai.tool.call.result", "output.value", "traceloop.entity.output")
                        : a.text("gen_ai.tool.call.result"),
                conversation.systemInstructions(), conversation.input(), conversation.output(),
                conversation.reasoning(), failure.type(), failure.message(), ids.taskId(), ids.agentId(),
                statusCode(span.getStatus()), failure.statusMessage(),
                kind == GenAiSpanKind.LLM_CALL ? conversation.toolCallsRequested() : List.of());
    }

    /** Validates the ids and answers the parent's hex id, null for a root (empty or all-zero parent id). */
    private static String ids(Span span, String traceId, String spanId) {
        if (span.getTraceId().size() != 16 || isZero(span.getTraceId())) {
            throw new SpanRefused("span " + spanId + " has an invalid traceId \"" + traceId
                    + "\"; a trace id is 16 bytes (32 hex characters), not all zero.");
        }
        if (span.getSpanId().size() != 8 || isZero(span.getSpanId())) {
            throw new SpanRefused("span \"" + spanId + "\" has an invalid spanId; a span id is 8 bytes"
                    + " (16 hex characters), not all zero.");
        }
        ByteString parent = span.getParentSpanId();
        if (!parent.isEmpty() && parent.size() != 8) {
            throw new SpanRefused("span " + spanId + " has an invalid parentSpanId \"" + hex(parent)
                    + "\"; a span id is 8 bytes (16 hex characters), or empty for a root span.");
        }
        return parent.isEmpty() || isZero(parent) ? null : hex(parent);
    }

    /** Unix nanoseconds (fixed64: a negative long is a time past 2262, refused) to an instant; 0 is "absent". */
    private static Instant instant(String spanId, String field, long nanos) {
        if (nanos == 0) {
            return null;
        }
        if (nanos < 0) {
            throw new SpanRefused("span " + spanId + ": " + field + " " + Long.toUnsignedString(nanos)
                    + " is out of range.");
        }
        return Instant.ofEpochSecond(nanos / 1_000_000_000L, nanos % 1_000_000_000L);
    }

    /**
     * Token counts under their current, deprecated, OpenInference and OpenLLMetry names (first present wins).
     * Their sum is computed exactly once here so an overflowing set is refused instead of wrapping later.
     */
    static GenAiUsage usage(SpanAttributes a) {
        GenAiUsage usage = new GenAiUsage(
                a.count("gen_ai.usage.input_tokens", "gen_ai.usage.prompt_tokens", "llm.token_count.prompt",
                        "llm.usage.prompt_tokens"),
                a.count("gen_ai.usage.output_tokens", "gen_ai.usage.completion_tokens", "llm.token_count.completion",
                        "llm.usage.completion_tokens"),
                a.count("gen_ai.usage.cache_read.input_tokens", "gen_ai.usage.cache_read_input_tokens",
                        "llm.token_count.prompt_details.cache_read", "gen_ai.usage.input_tokens_details.cached"),
                a.count("gen_ai.usage.cache_creation.input_tokens", "gen_ai.usage.cache_creation_input_tokens",
                        "llm.token_count.prompt_details.cache_write"),
                a.count("gen_ai.usage.reasoning.output_tokens", "gen_ai.usage.reasoning_tokens",
                        "gen_ai.usage.output_tokens_details.reasoning", "llm.usage.reasoning_tokens",
                        "llm.token_count.completion_details.reasoning"));
        try {
            Math.addExact(Math.addExact(usage.total(), usage.cacheRead()),
                    Math.addExact(usage.cacheCreation(), usage.reasoning()));
        } catch (ArithmeticException e) {
            throw new SpanRefused("span " + a.spanId() + ": its token counts add up to more than " + Long.MAX_VALUE + ".");
        }
        return usage;
    }

    private static SpanStatusCode statusCode(Status status) {
        return switch (status.getCode()) {
            case STATUS_CODE_OK -> SpanStatusCode.OK;
            case STATUS_CODE_ERROR -> SpanStatusCode.ERROR;
            default -> SpanStatusCode.UNSET;
        };
    }

    private static boolean isZero(ByteString bytes) {
        for (int i = 0; i < bytes.size(); i++) {
            if (bytes.byteAt(i) != 0) {
                return false;
            }
        }
        return true;
    }

    private static String hex(ByteString bytes) {
        return HEX.formatHex(bytes.toByteArray());
    }
}
