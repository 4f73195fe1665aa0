package dev.agenttraces.traces.ingest.application;

import dev.agenttraces.traces.api.Jsonp;
import dev.agenttraces.traces.ingest.otlp.GenAiMessage;
import dev.agenttraces.traces.ingest.otlp.GenAiSpan;
import dev.agenttraces.traces.ingest.otlp.GenAiSpanKind;
import dev.agenttraces.traces.ingest.otlp.GenAiUsage;
import dev.agenttraces.traces.trace.domain.StepInput;
import dev.agenttraces.traces.trace.domain.StepType;
import dev.agenttraces.traces.trace.domain.TokenCounts;
import jakarta.json.JsonArrayBuilder;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * The steps one GenAI span becomes, before they are numbered. The span's first step carries its span id
 * (and its parent's), so a re-sent span is found and its parent can be linked later; its other steps
 * (reasoning, a tool result, an error) hang under that first step:
 * <ul>
 *     <li>an LLM call → {@code LLM_CALL} (model, tokens, conversation) + {@code REASONING} when it sent reasoning text;</li>
 *     <li>a tool execution → {@code TOOL_CALL} (with its tool call id) + {@code TOOL_RESULT} when it has a result;</li>
 *     <li>a sub-agent → {@code AGENT}, without tokens: an agent span may report the sum of its children's usage,
 *     which its LLM calls already count;</li>
 *     <li>the root agent span → no step: it is the trace itself ({@link OtlpIngest} takes its fields);</li>
 *     <li>any other span (workflow, chain, retriever, HTTP…) → {@code SYSTEM} with the span name, without tokens,
 *     so the tree below it stays whole;</li>
 *     <li>a failed span → also an {@code ERROR} step.</li>
 * </ul>
 * Only LLM calls carry tokens, so only they are priced. Pure logic: no store, no CDI.
 */
public final class SpanSteps {

    /** The planned steps (seq 0, parents not yet set: the first is the span's, the rest hang under it) and the span's hash. */
    public record Plan(List<StepInput> steps, String hash) {

        public boolean isEmpty() {
            return steps.isEmpty();
        }

        /**
         * The plan with its first step under another parent span ({@link ToolCallParents}); the hash stays the
         * plan's, so the span re-sent without the LLM call it was moved under is still a duplicate.
         */
        Plan under(String parentSpanId) {
            List<StepInput> moved = new ArrayList<>(steps);
            moved.set(0, steps.get(0).underSpan(parentSpanId));
            return new Plan(List.copyOf(moved), hash);
        }
    }

    private SpanSteps() {
    }

    public static Plan of(GenAiSpan span) {
        List<StepInput> steps = new ArrayList<>(3);
        Long duration = span.end() == null ? null : Duration.between(span.start(), span.end()).toMillis();
        Instant done = span.end() != null ? span.end() : span.start();
        switch (span.kind()) {
            case LLM_CALL -> {
                steps.add(first(span, StepType.LLM_CALL, reply(span), null, null, null, storedTokens(span.usage()),
                        duration, messages(span)));
                if (span.reasoning() != null) {
                    steps.add(secondary(StepType.REASONING, span.reasoning(), null, null, span.model(), span.start()));
                }
            }
            case TOOL_CALL -> {
                steps.add(first(span, StepType.TOOL_CALL, null, span.toolName(), span.toolArguments(), null,
                        TokenCounts.NONE, duration, null));
                if (span.toolResult() != null) {
                    steps.add(secondary(StepType.TOOL_RESULT, null, span.toolName(), span.toolResult(), null, done));
                }
            }
            case SUB_AGENT -> steps.add(first(span, StepType.AGENT, span.name(), null, null, null, TokenCounts.NONE,
                    duration, null));
            case GENERIC -> steps.add(first(span, StepType.SYSTEM, span.name(), null, null, null, TokenCounts.NONE,
                    duration, null));
            case AGENT -> {
                // the trace itself: no step of its own
            }
        }
        if (span.isError()) {
            String text = span.errorMessage() == null ? span.errorType() : span.errorType() + ": " + span.errorMessage();
            steps.add(steps.isEmpty()
                    ? first(span, StepType.ERROR, text, null, null, null, TokenCounts.NONE, duration, null)
                    : secondary(StepType.ERROR, text, null, null, null, done));
        }
        return plan(steps);
    }

    /** The plan of these steps, hashed over their content. */
    static Plan plan(List<StepInput> steps) {
        return new Plan(List.copyOf(steps), hash(steps));
    }

    /**
     * Tokens in the store's convention from the GenAI one. GenAI's input includes cache reads and cache writes,
     * and its output includes reasoning; stored input excludes both cache counts and stored output excludes
     * reasoning, so each token is billed once at its own rate. An instrumentation that already reports them
     * apart (input smaller than the cache counts, output smaller than reasoning) is taken as it is.
     */
    public static TokenCounts storedTokens(GenAiUsage usage) {
        long cached = Math.addExact(usage.cacheRead(), usage.cacheCreation());
        long input = usage.input() >= cached ? usage.input() - cached : usage.input();
        long output = usage.output() >= usage.reasoning() ? usage.output() - usage.reasoning() : usage.output();
        return new TokenCounts(input, output, usage.cacheRead(), usage.reasoning(), usage.cacheCreation());
    }

    /** The conversation as a JSON array of {role, content}: system instructions, the input, then the output. */
    static String messages(GenAiSpan span) {
        if (span.systemInstructions() == null && span.inputMessages().isEmpty() && span.outputMessages().isEmpty()) {
            return null;
        }
        JsonArrayBuilder all = Jsonp.BUILDERS.createArrayBuilder();
        if (span.systemInstructions() != null) {
            all.add(message("system", span.systemInstructions()));
        }
        for (GenAiMessage m : span.inputMessages()) {
            all.add(message(m.role(), m.content()));
        }
        for (GenAiMessage m : span.outputMessages()) {
            all.add(message(m.role(), m.content()));
        }
        return all.build().toString();
    }

    private static jakarta.json.JsonObjectBuilder message(String role, String content) {
        return Jsonp.BUILDERS.createObjectBuilder().add("role", role).add("content", content == null ? "" : content);
    }

    /** What the timeline row previews: the model's last reply, else the span name. */
    private static String reply(GenAiSpan span) {
        List<GenAiMessage> out = span.outputMessages();
        for (int i = out.size() - 1; i >= 0; i--) {
            if (out.get(i).content() != null && !out.get(i).content().isBlank()) {
                return out.get(i).content();
            }
        }
        return span.name();
    }

    private static StepInput first(GenAiSpan span, StepType type, String content, String toolName, String toolInput,
                                   String toolOutput, TokenCounts tokens, Long duration, String messages) {
        String model = type == StepType.LLM_CALL || type == StepType.AGENT ? span.model() : null;
        String toolCallId = type == StepType.TOOL_CALL ? span.toolCallId() : null;
        return new StepInput(0, type, content, toolName, toolInput, toolOutput, model, tokens, span.start(), duration,
                null, messages, span.spanId(), span.parentSpanId(), 0, toolCallId);
    }

    private static StepInput secondary(StepType type, String content, String toolName, String toolOutput, String model,
                                       Instant at) {
        return new StepInput(0, type, content, toolName, null, toolOutput, model, TokenCounts.NONE, at, null);
    }

    /** SHA-256 over the steps' own hashes (seq 0, no parent), so the hash depends on the span's content only. */
    private static String hash(List<StepInput> steps) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (StepInput s : steps) {
                digest.update(s.contentHash().getBytes(StandardCharsets.US_ASCII));
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
