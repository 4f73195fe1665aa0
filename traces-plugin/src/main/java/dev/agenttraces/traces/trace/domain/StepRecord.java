package dev.agenttraces.traces.trace.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A stored step as the export returns it; {@code costUsd} is null when unpriced. Its texts are read at
 * most {@link #TEXT_LIMIT} + 1 characters long (cut in the query), so a page of the export holds a bounded
 * amount of text however large the stored steps are (before, a page of 1,000 steps of 8 MiB each was read
 * into memory whole); {@link #truncated()} names the texts that were longer.
 * {@code parentSeq}, {@code spanId} and {@code messages} (JSON) are null when the step has none.
 */
public record StepRecord(int seq, StepType type, String content, String toolName, String toolInput,
                         String toolOutput, String model, TokenCounts tokens, BigDecimal costUsd, Instant startedAt,
                         Long durationMs, Integer parentSeq, String spanId, String messages) {

    /** Characters of content, tool input and tool output the export returns per step. */
    public static final int TEXT_LIMIT = 4096;

    /** The record with its texts cut to {@link #TEXT_LIMIT}. */
    public StepRecord cut() {
        return new StepRecord(seq, type, cut(content), toolName, cut(toolInput), cut(toolOutput), model, tokens,
                costUsd, startedAt, durationMs, parentSeq, spanId, messages);
    }

    /** The wire names of the texts longer than {@link #TEXT_LIMIT} (as read: limit + 1 means longer). */
    public List<String> truncated() {
        List<String> names = new ArrayList<>(3);
        if (content != null && content.length() > TEXT_LIMIT) {
            names.add("content");
        }
        if (toolInput != null && toolInput.length() > TEXT_LIMIT) {
            names.add("toolInput");
        }
        if (toolOutput != null && toolOutput.length() > TEXT_LIMIT) {
            names.add("toolOutput");
        }
        return names;
    }

    private static String cut(String text) {
        return text == null || text.length() <= TEXT_LIMIT ? text : text.substring(0, TEXT_LIMIT);
    }
}
