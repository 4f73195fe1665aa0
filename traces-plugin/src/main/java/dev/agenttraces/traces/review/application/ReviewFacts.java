package dev.agenttraces.traces.review.application;

import dev.agenttraces.traces.review.domain.ReviewRepository;
import dev.agenttraces.traces.review.domain.ToolUse;
import dev.agenttraces.traces.shared.RecentEntries;
import dev.agenttraces.traces.trace.domain.TraceSummary;
import dev.agenttraces.traces.trace.domain.TraceVersion;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.List;

/**
 * What a review summary reads from a trace's steps: its system instructions and the tools it used. Both can read
 * every step (a trace without a system step, the tools of 200,000 steps), and every new view of the panel asks, so
 * they are kept per {@link TraceVersion} (only a new step changes them; a recompute merely re-reads them). The caller passes a trace it read
 * within the viewer's board scope.
 */
@ApplicationScoped
public class ReviewFacts {

    /** Traces whose facts are kept. */
    static final int CACHED = 512;

    @Inject
    ReviewRepository reviews;

    private final RecentEntries<TraceVersion, Facts> facts = new RecentEntries<>(CACHED);

    /** The trace's system instructions (null without), and its tools, most used first. */
    public record Facts(String instructions, List<ToolUse> tools) {
    }

    public Facts of(TraceSummary trace) {
        return facts.computeIfAbsent(TraceVersion.of(trace), v -> new Facts(
                reviews.systemInstructions(v.trace()).orElse(null), List.copyOf(reviews.toolUses(v.trace()))));
    }
}
