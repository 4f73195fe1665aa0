package dev.agenttraces.traces.insight.domain;

import java.math.BigDecimal;
import java.util.List;

/**
 * A cycle of steps that repeated, with the same kinds and tools in the same order and near-identical texts.
 *
 * @param firstSeq      the first step of the first cycle
 * @param repeatFromSeq the first step of the second cycle: where the waste starts
 * @param lastSeq       the last step of the last complete cycle
 * @param cycleLength   steps per cycle
 * @param repetitions   complete cycles, at least the settings' minimum
 * @param cycle         the cycle's shape, one label a step: the kind's wire name, then {@code :tool} for tool steps
 * @param costUsd       the cost of every step in the span
 * @param repeatCostUsd the cost of the cycles after the first: what breaking out of the loop at once would have saved
 */
public record ReasoningLoop(int firstSeq, int repeatFromSeq, int lastSeq, int cycleLength, int repetitions, List<String> cycle,
                            BigDecimal costUsd, BigDecimal repeatCostUsd) {

    public ReasoningLoop {
        cycle = List.copyOf(cycle);
    }

    public boolean contains(int seq) {
        return seq >= firstSeq && seq <= lastSeq;
    }

    /** Whether {@code seq} lies in the cycles after the first, whose cost {@link #repeatCostUsd()} counts. */
    public boolean inRepeats(int seq) {
        return seq >= repeatFromSeq && seq <= lastSeq;
    }
}
