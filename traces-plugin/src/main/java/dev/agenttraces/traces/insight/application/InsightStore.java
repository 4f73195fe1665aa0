package dev.agenttraces.traces.insight.application;

import dev.agenttraces.traces.insight.domain.FlagTotals;
import dev.agenttraces.traces.insight.domain.InsightStep;
import dev.agenttraces.traces.insight.domain.StoredFlag;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Where insights read steps from and keep their flags: the port {@code insight.infrastructure} implements
 * over the trace store's tables.
 */
public interface InsightStore {

    /** Up to {@code limit} steps with a seq above {@code afterSeq}, in seq order, texts cut to what the detectors read. */
    List<InsightStep> stepsAfter(UUID trace, int afterSeq, int limit);

    /** The trace's maintained step count, or empty when there is no such trace. */
    Optional<Integer> stepCount(UUID trace);

    /** Replaces the trace's totals and flags in one transaction. */
    void save(UUID trace, FlagTotals totals, List<StoredFlag> flags);

    /**
     * Replaces the trace's totals and applies a change of its flags in one transaction: for a caller that knows
     * the flags stored (it saved them), so a batch costs what changed rather than what the trace holds.
     */
    void saveChanges(UUID trace, FlagTotals totals, dev.agenttraces.traces.insight.domain.FlagChanges changes);

    Optional<FlagTotals> totals(UUID trace);

    /** The trace's flags in seq order, at most {@code limit} (a view holds them for the badges and the header). */
    List<StoredFlag> flags(UUID trace, int limit);

    /** What a step is grouped by in a cost share. */
    enum CostDimension { TOOL, KIND, MODEL }

    /**
     * The priced cost of the trace's steps per tool, per step type (wire name) and per model (the step's, else the
     * trace's), all three from one read of the trace's steps.
     */
    java.util.Map<CostDimension, java.util.Map<String, java.math.BigDecimal>> costsBy(UUID trace);

    /** The stored waste of an agent's traces started in [from, to), on the boards of the scope, at most {@code limit}. */
    List<dev.agenttraces.traces.insight.domain.WasteRow> agentWaste(long agentId, java.time.Instant from, java.time.Instant to,
                                                                 dev.agenttraces.traces.access.domain.BoardScope scope, int limit);

    /** The stored waste per agent of the traces started in [from, to), on the boards of the scope. */
    java.util.Map<Long, java.math.BigDecimal> wasteByAgent(java.time.Instant from, java.time.Instant to,
                                                           dev.agenttraces.traces.access.domain.BoardScope scope);

    /** Traces whose stored insights are missing, stale for these settings, or behind their steps; oldest first. */
    List<UUID> staleTraces(String fingerprint, int limit);
}
