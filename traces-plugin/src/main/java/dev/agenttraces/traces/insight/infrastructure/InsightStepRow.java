package dev.agenttraces.traces.insight.infrastructure;

import dev.agenttraces.traces.insight.domain.InsightStep;
import dev.agenttraces.traces.insight.domain.StepKind;
import dev.agenttraces.traces.trace.domain.StepType;
import dev.agenttraces.traces.trace.domain.TokenCounts;

import java.math.BigDecimal;

/**
 * A step as the insight query reads it (a JPQL constructor expression), texts already cut. A tool input longer
 * than what was read gets its seq appended, so two long inputs that only share their beginning are never
 * taken for the same arguments.
 */
public record InsightStepRow(int seq, Integer parentSeq, StepType type, String toolName, String toolInput,
                             Integer toolInputLength, String content, String toolOutput, TokenCounts tokens,
                             BigDecimal costUsd, Long durationMs, String model) {

    /** Characters of a tool input compared for redundancy. */
    static final int INPUT_CHARS = 16_384;
    /** Characters of a text the loop tracker reads (it looks at 256 words at most). */
    static final int TEXT_CHARS = 4_000;

    InsightStep toStep() {
        String input = toolInput;
        if (input != null && toolInputLength != null && toolInputLength > INPUT_CHARS) {
            input = input + "\u0000#" + seq;
        }
        String text = type == StepType.TOOL_RESULT ? toolOutput : content;
        return new InsightStep(seq, parentSeq, StepKind.fromWire(type.wireName()), toolName, input, text, costUsd,
                tokens == null ? 0 : tokens.total(), durationMs, model);
    }
}
