package dev.agenttraces.traces.insight.application;

import dev.agenttraces.traces.insight.domain.CostShare;
import dev.agenttraces.traces.insight.domain.CostShares;
import dev.agenttraces.traces.insight.domain.FlagTotals;
import dev.agenttraces.traces.insight.domain.StoredFlag;
import dev.agenttraces.traces.trace.domain.TraceSummary;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The views' reads of a trace's insights. The caller passes a {@link TraceSummary} it read through the
 * viewer's board scope ({@code TraceQueries}), so visibility is decided there, on this request.
 */
@ApplicationScoped
public class InsightQueries {

    /** Flags a view holds for one trace: badges beyond this many are left out (the header still counts them all). */
    public static final int MAX_FLAGS = 5000;

    @Inject
    InsightStore store;
    @Inject
    TraceFlagging flagging;

    /** A trace's flags and cost shares, as its header and timeline show them. */
    public record TraceFlags(FlagTotals totals, List<StoredFlag> flags, CostShares shares) implements java.io.Serializable {
    }

    /** The trace's flags, recomputed first when stale; empty when the trace has gone. */
    public Optional<TraceFlags> flags(TraceSummary trace) {
        return flagging.current(trace.id(), trace.stepCount()).map(totals -> new TraceFlags(totals,
                store.flags(trace.id(), MAX_FLAGS), shares(trace)));
    }

    /** The stored totals as they are (a list's column: no recompute). */
    public Optional<FlagTotals> storedTotals(java.util.UUID trace) {
        return store.totals(trace);
    }

    private CostShares shares(TraceSummary trace) {
        return new CostShares(share(trace, InsightStore.CostDimension.TOOL), share(trace, InsightStore.CostDimension.KIND),
                share(trace, InsightStore.CostDimension.MODEL));
    }

    private List<CostShare> share(TraceSummary trace, InsightStore.CostDimension dimension) {
        Map<String, BigDecimal> costs = store.costBy(trace.id(), dimension);
        return CostShares.of(costs, costs.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add));
    }
}
