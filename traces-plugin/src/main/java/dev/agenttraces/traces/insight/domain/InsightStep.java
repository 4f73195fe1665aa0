package dev.agenttraces.traces.insight.domain;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * What the detectors need of one step, and nothing more, so the caller can build it from a stored row, an
 * ingest batch or a test without this package knowing either.
 *
 * @param seq        the step's position in its trace; steps are fed in increasing {@code seq}
 * @param parentSeq  the step it belongs to in the step tree (a result's call, a call's LLM step), or null
 * @param kind       the step's kind
 * @param toolName   the tool of a tool call or result, else null
 * @param toolInput  a tool call's arguments as JSON text (compared canonically), else null
 * @param text       the content of reasoning and errors, or a tool result's output; may be null
 * @param costUsd    the priced cost; null when the step is unpriced (counted as zero, and counted apart)
 * @param tokens     all tokens of the step (input, cached, output and reasoning)
 * @param durationMs how long the step took, or null when unknown
 * @param model      the model of an LLM or reasoning step, else null
 */
public record InsightStep(int seq, Integer parentSeq, StepKind kind, String toolName, String toolInput, String text,
                          BigDecimal costUsd, long tokens, Long durationMs, String model) implements java.io.Serializable {

    public InsightStep {
        Objects.requireNonNull(kind, "kind");
    }

    /** The cost with unpriced counted as zero. */
    public BigDecimal costOrZero() {
        return costUsd == null ? BigDecimal.ZERO : costUsd;
    }
}
