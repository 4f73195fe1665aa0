package dev.agenttraces.traces.web;

import dev.agenttraces.traces.review.application.ReviewSummaries;
import dev.agenttraces.traces.trace.domain.TaskRef;
import dev.agenttraces.traces.trace.domain.TraceSummary;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.io.Serializable;
import java.util.List;

/**
 * The review summary above the task panel's timeline, read once per view (a reviewer reads it, then works in
 * the timeline below), for a task in Review only.
 */
@Named
@ViewScoped
public class ReviewPanel implements Serializable {

    @Inject
    ReviewSummaries summaries;

    private boolean read;
    private ReviewSummaries.Summary summary;

    /** The summary, or null when the task is not in Review. */
    public ReviewSummaries.Summary of(TaskRef task, List<TraceSummary> traces) {
        if (!read && task != null) {
            read = true;
            summary = summaries.of(task, traces).orElse(null);
        }
        return summary;
    }

    /** "38 % above", "12 % below" or "at" the median, for a percent of it. */
    public String againstMedian(Integer percent) {
        if (percent == null) {
            return null;
        }
        int diff = percent - 100;
        return diff == 0 ? "at the median" : Math.abs(diff) + " % " + (diff > 0 ? "above" : "below") + " the median";
    }
}
