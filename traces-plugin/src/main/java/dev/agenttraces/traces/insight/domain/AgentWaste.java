package dev.agenttraces.traces.insight.domain;

import java.io.Serializable;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * An agent's waste over a window of whole UTC days: how often its traces looped or repeated tool calls, what
 * that waste cost beside its spend, the trend (the second half of the window against the first), and the tasks
 * where it was worst.
 *
 * @param trendPercent the change of waste from the first half of the window to the second, in percent of the
 *                     first; null when the first half had none
 */
public record AgentWaste(int traces, int loopedTraces, int redundantTraces, BigDecimal wasteCostUsd, BigDecimal spendUsd,
                         Integer trendPercent, List<WorstTask> worstTasks) implements Serializable {

    /** A task and its waste, with the trace that wasted most, for a link. */
    public record WorstTask(long taskId, String title, UUID worstTrace, BigDecimal wasteCostUsd) implements Serializable {
    }

    public AgentWaste {
        worstTasks = List.copyOf(worstTasks);
    }

    /** Aggregates the rows of the window {@code [first, first + days)}; {@code top} worst tasks with waste are kept. */
    public static AgentWaste of(List<WasteRow> rows, LocalDate first, int days, int top) {
        Instant half = first.plusDays(days / 2).atStartOfDay(ZoneOffset.UTC).toInstant();
        int looped = 0;
        int redundant = 0;
        BigDecimal waste = BigDecimal.ZERO;
        BigDecimal spend = BigDecimal.ZERO;
        BigDecimal early = BigDecimal.ZERO;
        BigDecimal late = BigDecimal.ZERO;
        Map<Long, WorstTask> byTask = new HashMap<>();
        Map<Long, BigDecimal> worstTraceWaste = new HashMap<>();
        for (WasteRow r : rows) {
            looped += r.loopCount() > 0 ? 1 : 0;
            redundant += r.redundantCount() > 0 ? 1 : 0;
            waste = waste.add(r.wasteCostUsd());
            spend = spend.add(r.costUsd());
            if (r.startedAt().isBefore(half)) {
                early = early.add(r.wasteCostUsd());
            } else {
                late = late.add(r.wasteCostUsd());
            }
            WorstTask t = byTask.get(r.taskId());
            BigDecimal sum = (t == null ? BigDecimal.ZERO : t.wasteCostUsd()).add(r.wasteCostUsd());
            UUID worst = t == null ? r.traceId() : t.worstTrace();
            if (t == null || r.wasteCostUsd().compareTo(worstTraceWaste.get(r.taskId())) > 0) {
                worst = r.traceId();
                worstTraceWaste.put(r.taskId(), r.wasteCostUsd());
            }
            byTask.put(r.taskId(), new WorstTask(r.taskId(), r.taskTitle(), worst, sum));
        }
        List<WorstTask> worst = new ArrayList<>(byTask.values().stream().filter(t -> t.wasteCostUsd().signum() > 0).toList());
        worst.sort(Comparator.comparing(WorstTask::wasteCostUsd).reversed().thenComparing(WorstTask::taskId));
        Integer trend = early.signum() == 0 ? null
                : late.subtract(early).multiply(BigDecimal.valueOf(100)).divide(early, 0, RoundingMode.HALF_UP).intValue();
        return new AgentWaste(rows.size(), looped, redundant, waste, spend, trend, worst.subList(0, Math.min(top, worst.size())));
    }

    /** The share of traces that looped, in whole percent. */
    public int loopedPercent() {
        return traces == 0 ? 0 : Math.round(100f * loopedTraces / traces);
    }

    public int redundantPercent() {
        return traces == 0 ? 0 : Math.round(100f * redundantTraces / traces);
    }

    /** Waste in percent of spend. */
    public int wastePercent() {
        return spendUsd.signum() == 0 ? 0 : wasteCostUsd.multiply(BigDecimal.valueOf(100)).divide(spendUsd, 0, RoundingMode.HALF_UP).intValue();
    }
}
