package dev.agenttraces.traces.insight.domain;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/** Writes a trace's steps in order, numbering them from 1, so a test reads like the trace it describes. */
public final class StepScript {

    private final List<InsightStep> steps = new ArrayList<>();
    private int next = 1;
    private Integer parent;

    public StepScript reason(String text) {
        return add(StepKind.REASONING, null, null, text, null, null);
    }

    public StepScript reason(String text, String cost) {
        return add(StepKind.REASONING, null, null, text, cost, "model-a");
    }

    public StepScript llm(String model, String cost) {
        return add(StepKind.LLM_CALL, null, null, null, cost, model);
    }

    public StepScript call(String tool, String args) {
        return add(StepKind.TOOL_CALL, tool, args, null, null, null);
    }

    public StepScript call(String tool, String args, String cost) {
        return add(StepKind.TOOL_CALL, tool, args, null, cost, null);
    }

    public StepScript result(String tool, String output) {
        return add(StepKind.TOOL_RESULT, tool, null, output, null, null);
    }

    public StepScript result(String tool, String output, String cost) {
        return add(StepKind.TOOL_RESULT, tool, null, output, cost, null);
    }

    public StepScript error(String text) {
        return add(StepKind.ERROR, null, null, text, null, null);
    }

    public StepScript system(String text) {
        return add(StepKind.SYSTEM, null, null, text, null, null);
    }

    /** The next step names {@code seq} as its parent. */
    public StepScript under(int seq) {
        parent = seq;
        return this;
    }

    public StepScript add(InsightStep step) {
        steps.add(step);
        next = step.seq() + 1;
        return this;
    }

    /** The insights of the steps so far, with the default settings. */
    public TraceInsights analyse() {
        return InsightAccumulator.analyse(steps(), InsightSettings.defaults());
    }

    public List<InsightStep> steps() {
        return List.copyOf(steps);
    }

    public int lastSeq() {
        return next - 1;
    }

    private StepScript add(StepKind kind, String tool, String args, String text, String cost, String model) {
        steps.add(new InsightStep(next++, parent, kind, tool, args, text, cost == null ? null : new BigDecimal(cost),
                10, 100L, model));
        parent = null;
        return this;
    }
}
