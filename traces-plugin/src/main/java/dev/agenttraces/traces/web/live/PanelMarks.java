package dev.agenttraces.traces.web.live;

import dev.agenttraces.traces.trace.application.TraceQueries;
import dev.agenttraces.traces.trace.domain.StepFilter;
import dev.agenttraces.traces.trace.domain.StepRow;
import org.primefaces.event.ToggleEvent;
import org.primefaces.model.Visibility;

import java.io.Serializable;
import java.util.HashSet;
import java.util.Set;

/**
 * What the open timeline must keep across live refreshes: which steps the viewer expanded (a refresh
 * re-renders the table, and PrimeFaces would otherwise close them) and where the last update's new steps
 * begin (the "New steps" marker). Held by the task panel's view; one instance per open trace.
 */
public class PanelMarks implements Serializable {

    private final Set<Integer> expanded = new HashSet<>();
    /** Highest seq the viewer has been shown; null before anything was. */
    private Integer seenSeq;
    /** Steps after this seq arrived in the last update; null when none did. */
    private Integer newAfter;
    private Integer firstNew;

    /** A trace opened by the viewer: its steps so far are not news. */
    public void opened(TraceQueries.TraceSteps steps) {
        expanded.clear();
        newAfter = null;
        firstNew = null;
        seenSeq = steps.lastSeq();
    }

    /** A trace that appeared while the panel was open: every step of it is new. */
    public void appeared(TraceQueries.TraceSteps steps) {
        expanded.clear();
        seenSeq = null;
        arrived(steps);
    }

    /** After a push: marks the steps past the last one seen as new; false when none arrived. */
    public boolean arrived(TraceQueries.TraceSteps steps) {
        int last = steps.lastSeq();
        if (seenSeq != null && last <= seenSeq) {
            return false;
        }
        firstNew = steps.page(StepFilter.NONE, seenSeq, 0, 1).stream().findFirst().map(StepRow::seq).orElse(null);
        newAfter = seenSeq == null ? Integer.MIN_VALUE : seenSeq;
        seenSeq = last;
        return firstNew != null;
    }

    /** Row-toggle listener of the timeline. */
    public void toggled(ToggleEvent event) {
        if (event.getData() instanceof StepRow row) {
            if (event.getVisibility() == Visibility.VISIBLE) {
                expanded.add(row.seq());
            } else {
                expanded.remove(row.seq());
            }
        }
    }

    public boolean isExpanded(int seq) {
        return expanded.contains(seq);
    }

    public boolean isNew(int seq) {
        return newAfter != null && seq > newAfter;
    }

    /** The step the "New steps" marker sits on: the first that arrived in the last update. */
    public boolean isFirstNew(int seq) {
        return firstNew != null && firstNew == seq;
    }
}
