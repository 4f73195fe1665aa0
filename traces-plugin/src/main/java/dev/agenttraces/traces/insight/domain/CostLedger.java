package dev.agenttraces.traces.insight.domain;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;

/**
 * Adds up a trace's cost as steps arrive: the total, the buckets per tool, kind and model, and the
 * {@code k} most expensive steps, kept in a bounded min-heap so the memory does not grow with the trace.
 * Unpriced steps count as zero and are counted apart, so a share is never presented as complete when it is not.
 */
final class CostLedger {

    /** Most expensive first; at equal cost the earlier step first. */
    static final Comparator<CostlyStep> EXPENSIVE_FIRST =
            Comparator.comparing(CostlyStep::costUsd).reversed().thenComparingInt(CostlyStep::seq);

    private final int topSteps;
    private final PriorityQueue<CostlyStep> top;
    private final Map<String, BigDecimal> byTool = new HashMap<>();
    private final Map<StepKind, BigDecimal> byKind = new EnumMap<>(StepKind.class);
    private final Map<String, BigDecimal> byModel = new HashMap<>();
    private BigDecimal total = BigDecimal.ZERO;
    private int unpriced;

    CostLedger(int topSteps) {
        this.topSteps = topSteps;
        this.top = new PriorityQueue<>(Math.max(1, topSteps + 1), EXPENSIVE_FIRST.reversed());
    }

    void accept(InsightStep step) {
        if (step.costUsd() == null) {
            unpriced++;
        }
        BigDecimal cost = step.costOrZero();
        total = total.add(cost);
        byTool.merge(step.toolName() == null ? CostShare.NONE : step.toolName(), cost, BigDecimal::add);
        byKind.merge(step.kind(), cost, BigDecimal::add);
        byModel.merge(step.model() == null ? CostShare.NONE : step.model(), cost, BigDecimal::add);
        if (topSteps > 0 && cost.signum() > 0) {
            CostlyStep candidate = new CostlyStep(step.seq(), step.kind(), step.toolName(), step.model(), cost);
            if (top.size() < topSteps) {
                top.add(candidate);
            } else if (EXPENSIVE_FIRST.compare(candidate, top.peek()) < 0) {
                top.poll();
                top.add(candidate);
            }
        }
    }

    BigDecimal total() {
        return total;
    }

    int unpriced() {
        return unpriced;
    }

    List<CostlyStep> topSteps() {
        List<CostlyStep> steps = new ArrayList<>(top);
        steps.sort(EXPENSIVE_FIRST);
        return steps;
    }

    CostShares shares() {
        Map<String, BigDecimal> kinds = new HashMap<>();
        byKind.forEach((k, v) -> kinds.put(k.wireName(), v));
        return new CostShares(CostShares.of(byTool, total), CostShares.of(kinds, total), CostShares.of(byModel, total));
    }
}
