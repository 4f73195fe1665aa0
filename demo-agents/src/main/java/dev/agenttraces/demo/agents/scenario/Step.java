package dev.agenttraces.demo.agents.scenario;

import java.time.Instant;
import java.util.List;

/**
 * One step of a simulated run, with everything either transport needs: the JSON API sends the typed
 * fields, the OTLP sender turns LLM calls into {@code chat} spans (with {@code messages} as
 * {@code gen_ai.input.messages}), tool calls and their results into {@code execute_tool} spans (paired by
 * {@code callId}) and a {@link StepKind#SUB_AGENT} call into a nested {@code invoke_agent} span.
 *
 * @param parentSeq the seq of the {@link StepKind#SUB_AGENT} call this step runs under, or null at top level
 * @param toolArgs  JSON text of a tool call's arguments
 * @param errorType for {@link StepKind#ERROR}: a short machine-readable kind, e.g. {@code exit_code_1}
 */
public record Step(int seq, StepKind kind, String content, String toolName, String callId, String toolArgs,
                   String toolResult, String model, Usage usage, Instant startedAt, long durationMs,
                   Integer parentSeq, List<Message> messages, String errorType) {

    public Instant endedAt() {
        return startedAt.plusMillis(durationMs);
    }

    public Step withParent(Integer parent) {
        return new Step(seq, kind, content, toolName, callId, toolArgs, toolResult, model, usage, startedAt,
                durationMs, parent, messages, errorType);
    }
}
