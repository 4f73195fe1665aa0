package dev.agenttraces.traces.insight.domain;

import java.math.BigDecimal;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Everything the detectors found in a trace's steps so far. The scalar components are what a trace row
 * needs for lists to filter and sort by (counts, costs, the failure flag and {@link #settingsFingerprint()});
 * the lists are for the trace view and stay small (one entry per flag, not per step).
 *
 * @param stepCount            steps analysed
 * @param lastSeq              the last step's seq, or -1 when there was none
 * @param redundantCalls       redundant tool calls in seq order
 * @param redundantCostUsd     what the redundant calls could have saved, summed
 * @param loops                reasoning loops by first seq
 * @param loopRepeatCostUsd    the loops' cost after their first cycle, summed
 * @param retries              retried calls in seq order
 * @param endsInError          the last meaningful step is an error
 * @param retriesBeforeFailure the number of retries that preceded that final error, 0 if it was not a retry
 * @param wasteCostUsd         the loops' repeat cost plus the saveable cost of redundant calls outside them
 * @param totalCostUsd         the cost of every step, unpriced counted as zero
 * @param unpricedSteps        steps without a price
 * @param topSteps             the most expensive steps, most expensive first
 * @param shares               cost per tool, kind and model
 * @param settingsFingerprint  {@link InsightSettings#fingerprint()} of the settings used
 */
public record TraceInsights(int stepCount, int lastSeq, List<RedundantCall> redundantCalls, BigDecimal redundantCostUsd,
                            List<ReasoningLoop> loops, BigDecimal loopRepeatCostUsd, List<RetryAttempt> retries,
                            boolean endsInError, int retriesBeforeFailure, BigDecimal wasteCostUsd,
                            BigDecimal totalCostUsd, int unpricedSteps, List<CostlyStep> topSteps, CostShares shares,
                            String settingsFingerprint) {

    public TraceInsights {
        redundantCalls = List.copyOf(redundantCalls);
        loops = List.copyOf(loops);
        retries = List.copyOf(retries);
        topSteps = List.copyOf(topSteps);
    }

    public int redundantCount() {
        return redundantCalls.size();
    }

    public int loopCount() {
        return loops.size();
    }

    public int retryCount() {
        return retries.size();
    }

    /** The trace "ended in failure after N retries", N being {@link #retriesBeforeFailure()}. */
    public boolean failedAfterRetries() {
        return endsInError && retriesBeforeFailure > 0;
    }

    /** Whether any flag was raised, for a list's "has flags" filter. */
    public boolean hasFlags() {
        return !redundantCalls.isEmpty() || !loops.isEmpty() || !retries.isEmpty() || endsInError;
    }

    /** The flags the timeline shows on one step (a scan of the flag lists: call it per shown page, not per trace). */
    public Set<StepFlag> flagsOf(int seq) {
        EnumSet<StepFlag> flags = EnumSet.noneOf(StepFlag.class);
        if (redundantCalls.stream().anyMatch(r -> r.seq() == seq)) {
            flags.add(StepFlag.REDUNDANT);
        }
        if (loops.stream().anyMatch(l -> l.contains(seq))) {
            flags.add(StepFlag.LOOP);
        }
        if (retries.stream().anyMatch(r -> r.seq() == seq)) {
            flags.add(StepFlag.RETRY);
        }
        if (topSteps.stream().anyMatch(t -> t.seq() == seq)) {
            flags.add(StepFlag.TOP_COST);
        }
        return flags;
    }
}
