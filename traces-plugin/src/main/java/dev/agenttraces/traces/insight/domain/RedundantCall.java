package dev.agenttraces.traces.insight.domain;

import java.math.BigDecimal;

/**
 * A tool call that repeated an earlier identical call while nothing could have changed its result.
 *
 * @param seq            the redundant call
 * @param repeatsSeq     the latest earlier call with the same tool and canonically equal arguments
 * @param toolName       the tool
 * @param resultSeq      the call's result step, or null when none was seen (yet)
 * @param saveableCostUsd what leaving the call out would have saved: the call, its result, and the LLM step
 *                       that produced it when the step tree shows that step produced nothing else
 */
public record RedundantCall(int seq, int repeatsSeq, String toolName, Integer resultSeq, BigDecimal saveableCostUsd) {
}
