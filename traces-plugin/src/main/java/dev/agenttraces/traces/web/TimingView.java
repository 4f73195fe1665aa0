package dev.agenttraces.traces.web;

import dev.agenttraces.traces.trace.domain.StepRow;
import dev.agenttraces.traces.trace.domain.TraceSummary;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.io.Serializable;
import java.util.List;

/**
 * The task panel's "Timeline | Timing" switch and the timing view's bars. A bean of its own beside
 * {@link TaskPanel} (same view, same scope) so the panel keeps one job: the timing view reuses the panel's
 * paged rows, tree order and collapsed branches unchanged, and only adds a bar per row on the open trace's
 * {@link TimingAxis}.
 */
@Named
@ViewScoped
public class TimingView implements Serializable {

    /** What the timeline area shows. */
    public enum Mode {
        TIMELINE("Timeline"), TIMING("Timing");

        private final String label;

        Mode(String label) {
            this.label = label;
        }

        public String getLabel() {
            return label;
        }
    }

    @Inject
    TaskPanel panel;

    private Mode mode = Mode.TIMELINE;

    public boolean isOn() {
        return mode == Mode.TIMING && panel.getSelected() != null;
    }

    /** The open trace's axis, from its summary (re-read by the panel on every refresh, so it grows live). */
    public TimingAxis getAxis() {
        TraceSummary trace = panel.getSelected();
        return trace == null ? null : TimingAxis.of(trace);
    }

    /** The bar of a row on the page shown, measured against the row just above it for idle gaps. */
    public TimingAxis.Bar bar(StepRow step) {
        TimingAxis axis = getAxis();
        if (axis == null || step == null) {
            return null;
        }
        List<StepRow> page = panel.getSteps() == null ? null : panel.getSteps().getWrappedData();
        StepRow above = null;
        if (page != null) {
            for (int i = 1; i < page.size(); i++) {
                if (page.get(i).seq() == step.seq()) {
                    above = page.get(i - 1);
                    break;
                }
            }
        }
        return axis.bar(step, above);
    }

    /** The {@code view} parameter: {@code timing} (any case) opens the panel on the timing view; else the timeline. */
    public String getView() {
        return mode.name().toLowerCase(java.util.Locale.ROOT);
    }

    public void setView(String view) {
        mode = "timing".equalsIgnoreCase(view == null ? null : view.strip()) ? Mode.TIMING : Mode.TIMELINE;
    }

    public Mode[] getModes() {
        return Mode.values();
    }

    public Mode getMode() {
        return mode;
    }

    public void setMode(Mode mode) {
        this.mode = mode == null ? Mode.TIMELINE : mode;
    }
}
