package dev.agenttraces.traces.trace.domain;

import dev.agenttraces.traces.shared.UtcInstants;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;

/**
 * One validated step, already normalised to the stored token convention (input excludes cached), so
 * the same step sent under either client convention hashes the same and is recognised as a replay.
 *
 * @param parentSeq    the seq of the step this one hangs under, null for a top-level step
 * @param messages     an LLM call's conversation as a JSON array of {@code {role, content}}, else null
 * @param spanId       the OTLP span the step came from (hex), null for JSON API steps and secondary steps
 * @param parentSpanId that span's parent, kept so the parent can be linked when it arrives later
 * @param redactions   how many secrets ingest masked in the step's text (not part of the content hash: the
 *                     masked text already is)
 * @param toolCallId   a tool call's id as the model gave it ({@code gen_ai.tool.call.id}), which ties the call to
 *                     the LLM call that asked for it; null when none was sent
 */
public record StepInput(int seq, StepType type, String content, String toolName, String toolInput,
                        String toolOutput, String model, TokenCounts tokens, Instant startedAt, Long durationMs,
                        Integer parentSeq, String messages, String spanId, String parentSpanId, int redactions,
                        String toolCallId) {

    /** A step without a tool call id. */
    public StepInput(int seq, StepType type, String content, String toolName, String toolInput, String toolOutput,
                     String model, TokenCounts tokens, Instant startedAt, Long durationMs, Integer parentSeq,
                     String messages, String spanId, String parentSpanId, int redactions) {
        this(seq, type, content, toolName, toolInput, toolOutput, model, tokens, startedAt, durationMs, parentSeq,
                messages, spanId, parentSpanId, redactions, null);
    }

    /** A step nothing was masked in. */
    public StepInput(int seq, StepType type, String content, String toolName, String toolInput, String toolOutput,
                     String model, TokenCounts tokens, Instant startedAt, Long durationMs, Integer parentSeq,
                     String messages, String spanId, String parentSpanId) {
        this(seq, type, content, toolName, toolInput, toolOutput, model, tokens, startedAt, durationMs, parentSeq,
                messages, spanId, parentSpanId, 0);
    }

    /** A flat step without a parent, a conversation or a span: the JSON API's shape before step trees. */
    public StepInput(int seq, StepType type, String content, String toolName, String toolInput, String toolOutput,
                     String model, TokenCounts tokens, Instant startedAt, Long durationMs) {
        this(seq, type, content, toolName, toolInput, toolOutput, model, tokens, startedAt, durationMs,
                null, null, null, null);
    }

    /** The same step under another sequence number and parent (OTLP steps get both when stored). */
    public StepInput placed(int newSeq, Integer newParentSeq) {
        return new StepInput(newSeq, type, content, toolName, toolInput, toolOutput, model, tokens, startedAt,
                durationMs, newParentSeq, messages, spanId, parentSpanId, redactions, toolCallId);
    }

    /**
     * The same step under another parent span: a tool call moved under the LLM call that asked for it. The
     * content hash a span is stored with is its plan's, taken before the move, so a re-sent span matches.
     */
    public StepInput underSpan(String newParentSpanId) {
        return new StepInput(seq, type, content, toolName, toolInput, toolOutput, model, tokens, startedAt,
                durationMs, parentSeq, messages, spanId, newParentSpanId, redactions, toolCallId);
    }

    /** The same step with its untrusted text replaced (masked) and the number of secrets masked in it. */
    public StepInput withText(String newContent, String newToolName, String newToolInput, String newToolOutput,
                              String newMessages, int masked) {
        return new StepInput(seq, type, newContent, newToolName, newToolInput, newToolOutput, model, tokens, startedAt,
                durationMs, parentSeq, newMessages, spanId, parentSpanId, masked, toolCallId);
    }

    /**
     * SHA-256 (hex) of every stored field in a fixed order, each field length-prefixed so that no two
     * different steps can produce the same canonical text. Fields added with step trees (cache writes,
     * parent, messages, span ids) are appended only when set, and so is the tool call id (added later still), so a
     * step stored before them still hashes as it did and its replay stays a duplicate, not a conflict.
     */
    public String contentHash() {
        StringBuilder canonical = new StringBuilder(256);
        append(canonical, String.valueOf(seq));
        append(canonical, type.name());
        append(canonical, content);
        append(canonical, toolName);
        append(canonical, toolInput);
        append(canonical, toolOutput);
        append(canonical, model);
        append(canonical, tokens.input() + "/" + tokens.output() + "/" + tokens.cachedInput() + "/" + tokens.reasoning());
        append(canonical, UtcInstants.format(startedAt));
        append(canonical, durationMs == null ? null : durationMs.toString());
        if (tokens.cacheCreation() != 0 || parentSeq != null || messages != null || spanId != null || parentSpanId != null) {
            append(canonical, String.valueOf(tokens.cacheCreation()));
            append(canonical, parentSeq == null ? null : parentSeq.toString());
            append(canonical, messages);
            append(canonical, spanId);
            append(canonical, parentSpanId);
        }
        if (toolCallId != null) {
            append(canonical, "toolCallId");
            append(canonical, toolCallId);
        }
        return HexFormat.of().formatHex(sha256().digest(canonical.toString().getBytes(StandardCharsets.UTF_8)));
    }

    private static void append(StringBuilder sb, String value) {
        if (value == null) {
            sb.append("-1:");
        } else {
            sb.append(value.length()).append(':').append(value);
        }
        sb.append('|');
    }

    /** One digest per thread, reset by each {@code digest()}: looking the algorithm up per step showed in profiles. */
    private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    });

    private static MessageDigest sha256() {
        MessageDigest digest = SHA256.get();
        digest.reset();
        return digest;
    }
}
