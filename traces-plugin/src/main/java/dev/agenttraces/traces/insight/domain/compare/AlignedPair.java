package dev.agenttraces.traces.insight.domain.compare;

import dev.agenttraces.traces.insight.domain.CanonicalJson;
import dev.agenttraces.traces.insight.domain.InsightStep;

import java.math.BigDecimal;

/**
 * One row of a compare: a step of each trace paired by the alignment, or a step of one trace alone.
 * Deltas are right minus left, a missing side counting as zero; a cost or duration delta is null when a
 * present side is unpriced or has no duration, since zero would pass an unknown for a known.
 *
 * @param status what changed
 * @param left   the left (older) trace's step, null when INSERTED
 * @param right  the right (newer) trace's step, null when REMOVED
 */
public record AlignedPair(PairStatus status, InsightStep left, InsightStep right) implements java.io.Serializable {

    public long tokensDelta() {
        return (right == null ? 0 : right.tokens()) - (left == null ? 0 : left.tokens());
    }

    public BigDecimal costDeltaUsd() {
        if ((left != null && left.costUsd() == null) || (right != null && right.costUsd() == null)) {
            return null;
        }
        BigDecimal l = left == null ? BigDecimal.ZERO : left.costUsd();
        BigDecimal r = right == null ? BigDecimal.ZERO : right.costUsd();
        return r.subtract(l);
    }

    public Long durationDeltaMs() {
        if ((left != null && left.durationMs() == null) || (right != null && right.durationMs() == null)) {
            return null;
        }
        return (right == null ? 0 : right.durationMs()) - (left == null ? 0 : left.durationMs());
    }

    /**
     * The diff of the two calls' arguments, each in canonical form laid out one member a line, so that key
     * order and formatting never show as changes. Computed on demand: a compare shows few diffs at a time.
     */
    public TextDiff argumentsDiff() {
        return TextDiff.of(JsonLayout.indent(left == null ? null : left.toolInput()),
                JsonLayout.indent(right == null ? null : right.toolInput()));
    }

    /** The diff of the two steps' texts (content or output), computed on demand. */
    public TextDiff textDiff() {
        return TextDiff.of(left == null ? null : left.text(), right == null ? null : right.text());
    }

    /** Whether the arguments differ canonically (a CHANGED pair may differ in its text or model only). */
    public boolean argumentsChanged() {
        return !CanonicalJson.equivalent(left == null ? null : left.toolInput(), right == null ? null : right.toolInput());
    }
}
