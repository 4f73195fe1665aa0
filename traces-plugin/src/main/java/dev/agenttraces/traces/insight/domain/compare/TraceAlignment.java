package dev.agenttraces.traces.insight.domain.compare;

import dev.agenttraces.traces.insight.domain.InsightStep;

import java.math.BigDecimal;
import java.util.List;

/**
 * Two traces side by side: their steps aligned by kind and tool (see {@link StepAligner} for the method),
 * each pair marked SAME, CHANGED, INSERTED or REMOVED with its deltas, and the totals. Left is the older
 * trace by convention, so a positive delta means the right one spent more.
 */
public record TraceAlignment(List<AlignedPair> pairs, AlignmentTotals totals) {

    public TraceAlignment {
        pairs = List.copyOf(pairs);
    }

    /** Aligns the steps of two traces, each in seq order. */
    public static TraceAlignment of(List<InsightStep> left, List<InsightStep> right) {
        List<AlignedPair> pairs = StepAligner.align(left, right);
        int[] counts = new int[PairStatus.values().length];
        for (AlignedPair p : pairs) {
            counts[p.status().ordinal()]++;
        }
        return new TraceAlignment(pairs, new AlignmentTotals(counts[PairStatus.SAME.ordinal()],
                counts[PairStatus.CHANGED.ordinal()], counts[PairStatus.INSERTED.ordinal()],
                counts[PairStatus.REMOVED.ordinal()], tokens(left), tokens(right), cost(left), cost(right),
                duration(left), duration(right)));
    }

    private static long tokens(List<InsightStep> steps) {
        return steps.stream().mapToLong(InsightStep::tokens).sum();
    }

    private static BigDecimal cost(List<InsightStep> steps) {
        return steps.stream().map(InsightStep::costOrZero).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    private static long duration(List<InsightStep> steps) {
        return steps.stream().mapToLong(s -> s.durationMs() == null ? 0 : s.durationMs()).sum();
    }
}
