package dev.agenttraces.traces.insight.application;

import dev.agenttraces.traces.insight.domain.InsightStep;
import dev.agenttraces.traces.insight.domain.compare.TraceAlignment;
import dev.agenttraces.traces.trace.domain.TraceSummary;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.ArrayList;
import java.util.List;

/**
 * The compare of two traces: their steps aligned by kind and tool (an edit-distance alignment, see
 * {@code StepAligner}), with deltas per aligned step and in total. Each side is read up to {@link #MAX_STEPS}
 * steps, which keeps one compare within a second of server time (BENCHMARKS.md); longer traces are compared on
 * their first steps and the page says so. The caller passes summaries it read through the viewer's board scope.
 */
@ApplicationScoped
public class TraceComparison {

    /** Steps read per side. */
    public static final int MAX_STEPS = 10_000;

    @Inject
    InsightStore store;

    /** The aligned steps, and whether either side was cut at {@link #MAX_STEPS}. */
    public record Compared(TraceAlignment alignment, boolean truncated) {
    }

    public Compared compare(TraceSummary left, TraceSummary right) {
        List<InsightStep> l = steps(left);
        List<InsightStep> r = steps(right);
        return new Compared(TraceAlignment.of(l, r), left.stepCount() > MAX_STEPS || right.stepCount() > MAX_STEPS);
    }

    private List<InsightStep> steps(TraceSummary trace) {
        List<InsightStep> steps = new ArrayList<>(Math.min(trace.stepCount(), MAX_STEPS));
        int after = Integer.MIN_VALUE;
        while (steps.size() < MAX_STEPS) {
            List<InsightStep> page = store.stepsAfter(trace.id(), after, Math.min(TraceFlagging.PAGE, MAX_STEPS - steps.size()));
            steps.addAll(page);
            if (page.isEmpty()) {
                break;
            }
            after = page.get(page.size() - 1).seq();
        }
        return steps;
    }
}
