package dev.agenttraces.traces.insight.domain;

import java.math.BigDecimal;
import java.util.List;

/**
 * The detectors of one trace, fed its steps in seq order, in batches of any size, as they arrive; it can
 * report the flags so far at any time with {@link #insights()}, so a running trace shows them live.
 *
 * <p>The state is bounded by the settings (a few recent steps for loops, the calls since the last mutation for
 * redundancy) plus the flags found, and does not depend on batch boundaries: feeding a trace in pages gives
 * exactly what feeding it at once gives. Not thread-safe: one accumulator per trace, fed by one thread at a time.
 */
public final class InsightAccumulator {

    private final InsightSettings settings;
    private final String fingerprint;
    private final RedundancyDetector redundancy;
    private final LoopTracker loops;
    private final RetryTracker retries = new RetryTracker();
    private final CostLedger costs;
    private int stepCount;
    private int lastSeq = -1;

    public InsightAccumulator(InsightSettings settings) {
        this.settings = settings;
        this.fingerprint = settings.fingerprint();
        this.redundancy = new RedundancyDetector(new MutatingTools(settings.mutatingToolPattern()));
        this.loops = new LoopTracker(settings);
        this.costs = new CostLedger(settings.topSteps());
    }

    /** Analyses a whole trace at once. */
    public static TraceInsights analyse(List<InsightStep> steps, InsightSettings settings) {
        InsightAccumulator accumulator = new InsightAccumulator(settings);
        accumulator.acceptAll(steps);
        return accumulator.insights();
    }

    /**
     * Takes the next step. A step whose seq is not above the last one taken is ignored and answers false: a
     * replayed batch is harmless; a step that arrives late (its seq below steps already taken) cannot be
     * fitted in, and the caller should rebuild the accumulator from the stored steps.
     */
    public boolean accept(InsightStep step) {
        if (stepCount > 0 && step.seq() <= lastSeq) {
            return false;
        }
        String canonicalArgs = null;
        String callKey = null;
        if (step.kind() == StepKind.TOOL_CALL) {
            canonicalArgs = CanonicalJson.canonicalise(step.toolInput());
            callKey = step.toolName() + '\u0000' + (canonicalArgs == null ? "" : canonicalArgs);
        }
        costs.accept(step);
        redundancy.accept(step, callKey);
        retries.accept(step, callKey);
        loops.accept(step, step.kind() == StepKind.TOOL_CALL ? canonicalArgs : step.text());
        stepCount++;
        lastSeq = step.seq();
        return true;
    }

    /** Takes steps in order; answers how many were taken (see {@link #accept(InsightStep)}). */
    public int acceptAll(Iterable<InsightStep> steps) {
        int taken = 0;
        for (InsightStep step : steps) {
            if (accept(step)) {
                taken++;
            }
        }
        return taken;
    }

    public InsightSettings settings() {
        return settings;
    }

    public int stepCount() {
        return stepCount;
    }

    /** The last seq taken, or -1 before the first step: where to resume reading stored steps. */
    public int lastSeq() {
        return lastSeq;
    }

    /** The flags so far; cheap enough to call after every batch (its cost grows with the flags, not the steps). */
    public TraceInsights insights() {
        List<RedundantCall> redundant = redundancy.redundantCalls();
        List<ReasoningLoop> found = loops.loops();
        BigDecimal redundantCost = BigDecimal.ZERO;
        BigDecimal wasteOutsideLoops = BigDecimal.ZERO;
        RepeatSpans repeats = new RepeatSpans(found);
        for (RedundantCall r : redundant) {
            redundantCost = redundantCost.add(r.saveableCostUsd());
            if (!repeats.contains(r.seq())) {
                wasteOutsideLoops = wasteOutsideLoops.add(r.saveableCostUsd());
            }
        }
        BigDecimal loopRepeatCost = found.stream().map(ReasoningLoop::repeatCostUsd).reduce(BigDecimal.ZERO, BigDecimal::add);
        return new TraceInsights(stepCount, lastSeq, redundant, redundantCost, found, loopRepeatCost,
                retries.retries(), retries.endsInError(), retries.retriesBeforeFailure(),
                loopRepeatCost.add(wasteOutsideLoops), costs.total(), costs.unpriced(), costs.topSteps(),
                costs.shares(), fingerprint);
    }
}
