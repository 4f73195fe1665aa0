package dev.agenttraces.traces.web;

import dev.agenttraces.traces.insight.application.InsightQueries;
import dev.agenttraces.traces.insight.domain.CostShare;
import dev.agenttraces.traces.insight.domain.FlagTotals;
import dev.agenttraces.traces.insight.domain.StepFlag;
import dev.agenttraces.traces.insight.domain.StoredFlag;
import dev.agenttraces.traces.trace.domain.TraceSummary;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * The insight parts of the task panel: the flags header (counts and what could have been saved), the cost
 * share charts and the badges on timeline steps. It reads a trace's flags once per (trace, step count), so
 * a page of 50 rows costs no query per row, and again when the poll brings new steps of a running trace.
 */
@Named
@ViewScoped
public class InsightPanel implements Serializable {

    @Inject
    InsightQueries queries;

    /*
     * A cache of the open trace's flags (up to InsightQueries.MAX_FLAGS of them): transient, so the replicated
     * session does not carry thousands of flags after every request (SCALE.md); after a failover it is read again.
     */
    private transient UUID traceId;
    private transient int stepCount = -1;
    private transient InsightQueries.TraceFlags flags;

    /** A badge on a step: its text, its style and the explanation shown on hover. */
    public record Badge(String label, String styleClass, String title) implements Serializable {
    }

    /** The trace's flags, read when the trace or its step count changed; null when it has gone. */
    public InsightQueries.TraceFlags of(TraceSummary trace) {
        if (trace == null) {
            return null;
        }
        if (!trace.id().equals(traceId) || trace.stepCount() != stepCount) {
            traceId = trace.id();
            stepCount = trace.stepCount();
            flags = queries.flags(trace).orElse(null);
        }
        return flags;
    }

    public FlagTotals totals(TraceSummary trace) {
        InsightQueries.TraceFlags f = of(trace);
        return f == null ? null : f.totals();
    }

    /** The loops, redundant calls and retries, in seq order, for the header's list. */
    public List<StoredFlag> waste(TraceSummary trace) {
        InsightQueries.TraceFlags f = of(trace);
        return f == null ? List.of() : f.flags().stream().filter(x -> x.flag() != StepFlag.TOP_COST).limit(50).toList();
    }

    /** The badges of one step of the open trace. */
    public List<Badge> badges(TraceSummary trace, int seq) {
        InsightQueries.TraceFlags f = of(trace);
        if (f == null) {
            return List.of();
        }
        List<Badge> badges = new ArrayList<>(2);
        for (StoredFlag flag : f.flags()) {
            if (flag.seq() > seq) {
                break;
            }
            if (flag.covers(seq)) {
                badges.add(badge(flag, seq));
            }
        }
        return badges;
    }

    /** An extra row class for the most expensive steps. */
    public String rowClass(TraceSummary trace, int seq) {
        return badges(trace, seq).stream().anyMatch(b -> b.styleClass().contains("at-flag-costly")) ? "at-costly" : "";
    }

    private static Badge badge(StoredFlag f, int seq) {
        return switch (f.flag()) {
            case REDUNDANT -> new Badge("redundant", "at-flag at-flag-redundant", "Same call with the same arguments as step "
                    + f.refSeq() + ", with nothing in between that could change its result; could have saved "
                    + Formats.money(f.costUsd()));
            case LOOP -> new Badge(seq == f.seq() ? "loop " + f.repetitions() + "×" : "loop", "at-flag at-flag-loop",
                    "Reasoning loop, steps " + f.seq() + "–" + f.endSeq() + ", " + f.repetitions()
                            + " repetitions; the repeats cost " + Formats.money(f.costUsd()));
            case RETRY -> new Badge("retry " + f.repetitions(), "at-flag at-flag-retry",
                    "Retries the call of step " + f.refSeq() + " after it failed");
            case TOP_COST -> new Badge("costly", "at-flag at-flag-costly", "One of the most expensive steps: "
                    + Formats.money(f.costUsd()));
        };
    }

    /** The Chart.js configuration of one cost share (tool, kind or model), a horizontal bar per bucket. */
    public String chart(TraceSummary trace, String dimension) {
        InsightQueries.TraceFlags f = of(trace);
        if (f == null) {
            return null;
        }
        List<CostShare> shares = switch (dimension) {
            case "tool" -> f.shares().byTool();
            case "kind" -> f.shares().byKind();
            default -> f.shares().byModel();
        };
        return ShareChart.json(shares);
    }

    public boolean hasCost(TraceSummary trace) {
        InsightQueries.TraceFlags f = of(trace);
        return f != null && f.shares().byKind().stream().anyMatch(s -> s.costUsd().signum() > 0);
    }

    @Override
    public String toString() {
        return "InsightPanel[" + Objects.toString(traceId) + "]";
    }
}
