package dev.agenttraces.traces.ingest.otlp;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Decides a span's {@link GenAiSpanKind}. The first family attribute present decides, even when its value is
 * one this product has no step for (e.g. {@code embeddings}, {@code CHAIN}, {@code workflow} → generic):
 * <ol>
 *   <li>{@code gen_ai.operation.name}: {@code chat}, {@code text_completion}, {@code generate_content} → LLM call;
 *       {@code execute_tool} → tool call; {@code invoke_agent} → agent;</li>
 *   <li>{@code openinference.span.kind}: {@code LLM}, {@code TOOL}, {@code AGENT};</li>
 *   <li>{@code traceloop.span.kind}: {@code tool}, {@code agent} (OpenLLMetry's {@code workflow} and {@code task}
 *       are generic);</li>
 *   <li>{@code llm.request.type} (OpenLLMetry's model spans): {@code chat}, {@code completion} → LLM call;</li>
 *   <li>none of these, but {@code gen_ai.request.model} or {@code gen_ai.response.model} (GenAI before
 *       {@code gen_ai.operation.name} existed) → LLM call; otherwise generic.</li>
 * </ol>
 * An agent span with a parent is a sub-agent.
 */
final class GenAiKindRule {

    /** Each family's attribute and the values it has a kind for; any other value of a present attribute is generic. */
    private static final List<Map.Entry<String, Map<String, GenAiSpanKind>>> FAMILIES = List.of(
            Map.entry("gen_ai.operation.name", Map.of(
                    "chat", GenAiSpanKind.LLM_CALL,
                    "text_completion", GenAiSpanKind.LLM_CALL,
                    "generate_content", GenAiSpanKind.LLM_CALL,
                    "execute_tool", GenAiSpanKind.TOOL_CALL,
                    "invoke_agent", GenAiSpanKind.AGENT)),
            Map.entry("openinference.span.kind", Map.of(
                    "llm", GenAiSpanKind.LLM_CALL,
                    "tool", GenAiSpanKind.TOOL_CALL,
                    "agent", GenAiSpanKind.AGENT)),
            Map.entry("traceloop.span.kind", Map.of(
                    "tool", GenAiSpanKind.TOOL_CALL,
                    "agent", GenAiSpanKind.AGENT)),
            Map.entry("llm.request.type", Map.of(
                    "chat", GenAiSpanKind.LLM_CALL,
                    "completion", GenAiSpanKind.LLM_CALL)));

    private GenAiKindRule() {
    }

    static GenAiSpanKind of(SpanAttributes a, boolean hasParent) {
        GenAiSpanKind kind = decide(a);
        return kind == GenAiSpanKind.AGENT && hasParent ? GenAiSpanKind.SUB_AGENT : kind;
    }

    private static GenAiSpanKind decide(SpanAttributes a) {
        for (Map.Entry<String, Map<String, GenAiSpanKind>> family : FAMILIES) {
            String value = a.text(family.getKey());
            if (value != null) {
                return family.getValue().getOrDefault(value.strip().toLowerCase(Locale.ROOT), GenAiSpanKind.GENERIC);
            }
        }
        return a.firstKey("gen_ai.request.model", "gen_ai.response.model") != null
                ? GenAiSpanKind.LLM_CALL : GenAiSpanKind.GENERIC;
    }
}
