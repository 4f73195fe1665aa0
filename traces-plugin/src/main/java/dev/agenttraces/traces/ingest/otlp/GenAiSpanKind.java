package dev.agenttraces.traces.ingest.otlp;

/**
 * What a span stands for in an agent's trace, decided from {@code gen_ai.operation.name}, then
 * {@code openinference.span.kind}, then {@code traceloop.span.kind} (see {@link GenAiKindRule}).
 */
public enum GenAiSpanKind {
    /** A model call: chat, text completion or content generation. */
    LLM_CALL,
    /** A tool execution, carrying its arguments and result. */
    TOOL_CALL,
    /** An agent invocation without a parent span: the root of the agent's trace. */
    AGENT,
    /** An agent invocation inside another span: a sub-agent. */
    SUB_AGENT,
    /**
     * Anything else (workflows, chains, retrievers, embeddings, HTTP spans…). Kept rather than dropped so the
     * parent chain of the spans below it stays whole; the consumer decides whether to show it.
     */
    GENERIC
}
