package dev.agenttraces.traces.trace.domain;

import java.io.Serializable;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * One row of a timeline: everything of a step but its full text, of which a preview is kept.
 *
 * @param parentSeq the step it hangs under, null at the top level
 * @param model     the step's own model (an LLM call's), null when it names none
 * @param redactions how many secrets ingest masked in the step's text (the timeline's "redacted" badge)
 */
public record StepRow(int seq, StepType type, String toolName, String preview, TokenCounts tokens,
                      BigDecimal costUsd, Long durationMs, Instant startedAt, Integer parentSeq, String model,
                      int redactions)
        implements Serializable {

    /** Characters of a step shown in its one-line preview. */
    public static final int PREVIEW_CHARS = 160;

    public boolean redacted() {
        return redactions > 0;
    }
}
