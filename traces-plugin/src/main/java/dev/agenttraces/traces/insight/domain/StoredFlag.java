package dev.agenttraces.traces.insight.domain;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * One flag as it is stored beside its step (table {@code trace_step_flag}): small enough to read for a page
 * of the timeline, and enough to draw a badge with its tooltip without recomputing the trace.
 *
 * @param seq         the flagged step (a loop's first step)
 * @param flag        what it is
 * @param endSeq      the last step the flag covers: a loop's last step, else {@code seq}
 * @param refSeq      the call a redundant call repeats, or the failed call a retry repeats; else null
 * @param repetitions a loop's cycles, or a retry's attempt number; else null
 * @param costUsd     the saveable cost of a redundant call, a loop's repeat cost, a costly step's cost; else 0
 */
public record StoredFlag(int seq, StepFlag flag, int endSeq, Integer refSeq, Integer repetitions, BigDecimal costUsd) implements java.io.Serializable {

    public boolean covers(int step) {
        return step >= seq && step <= endSeq;
    }

    /** The flags to store for a trace's insights, one per redundant call, loop, retry and costly step. */
    public static List<StoredFlag> of(TraceInsights insights) {
        List<StoredFlag> flags = new ArrayList<>();
        for (RedundantCall r : insights.redundantCalls()) {
            flags.add(new StoredFlag(r.seq(), StepFlag.REDUNDANT, r.seq(), r.repeatsSeq(), null, r.saveableCostUsd()));
        }
        java.util.Set<Integer> loopStarts = new java.util.HashSet<>();
        for (ReasoningLoop l : insights.loops()) {
            // two loops never start on one step (the tracker reports disjoint spans); keep the key unique anyway
            if (loopStarts.add(l.firstSeq())) {
                flags.add(new StoredFlag(l.firstSeq(), StepFlag.LOOP, l.lastSeq(), l.repeatFromSeq(), l.repetitions(),
                        l.repeatCostUsd()));
            }
        }
        for (RetryAttempt r : insights.retries()) {
            flags.add(new StoredFlag(r.seq(), StepFlag.RETRY, r.seq(), r.failedSeq(), r.attempt(), BigDecimal.ZERO));
        }
        for (CostlyStep c : insights.topSteps()) {
            if (c.costUsd().signum() > 0) {
                flags.add(new StoredFlag(c.seq(), StepFlag.TOP_COST, c.seq(), null, null, c.costUsd()));
            }
        }
        return flags;
    }
}
