package dev.agenttraces.traces.ingest.application;

import dev.agenttraces.traces.ingest.otlp.GenAiSpan;
import dev.agenttraces.traces.ingest.otlp.GenAiSpanKind;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Where a tool span goes when its instrumentation made it a sibling of the LLM call that asked for it (both
 * children of the agent span, as most agent loops emit them): under that LLM call, so the tree reads agent →
 * LLM call → tool call. The LLM call is found by the tool call id: its output messages asked for a tool call
 * with the id the tool span carries ({@code gen_ai.tool.call.id}), and it hangs under the same parent.
 * A tool span already under its LLM call, or without a call id, stays where it is. Spans are matched within one
 * export (one trace's spans of it); the first LLM call that asked for an id wins. Pure logic.
 */
final class ToolCallParents {

    private ToolCallParents() {
    }

    /** Tool span id → the span id of the sibling LLM call that asked for its call, for the tool spans to move. */
    static Map<String, String> of(List<GenAiSpan> spans) {
        Map<Request, String> askedBy = new HashMap<>();
        for (GenAiSpan s : spans) {
            if (s.kind() == GenAiSpanKind.LLM_CALL) {
                for (String id : s.toolCallsRequested()) {
                    askedBy.putIfAbsent(new Request(s.parentSpanId(), id), s.spanId());
                }
            }
        }
        Map<String, String> moved = new HashMap<>();
        if (askedBy.isEmpty()) {
            return moved;
        }
        for (GenAiSpan s : spans) {
            if (s.kind() == GenAiSpanKind.TOOL_CALL && s.toolCallId() != null) {
                String llmCall = askedBy.get(new Request(s.parentSpanId(), s.toolCallId()));
                if (llmCall != null && !Objects.equals(llmCall, s.spanId())) {
                    moved.put(s.spanId(), llmCall);
                }
            }
        }
        return moved;
    }

    /** A tool call asked for under a parent span (null: the LLM call is a root span). */
    private record Request(String parentSpanId, String toolCallId) {
    }
}
