package dev.agenttraces.traces.insight.application;

import dev.agenttraces.traces.shared.RecentEntries;

import dev.agenttraces.traces.insight.domain.CostShare;
import dev.agenttraces.traces.insight.domain.CostShares;
import dev.agenttraces.traces.insight.domain.FlagTotals;
import dev.agenttraces.traces.insight.domain.StoredFlag;
import dev.agenttraces.traces.trace.domain.TraceSummary;
import dev.agenttraces.traces.trace.domain.TraceVersion;
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
    /**
     * Traces whose cost shares are kept. Computing them reads every step of the trace (0.25 s for 200,000 steps),
     * and every new view of the panel asks for them; kept, a trace's later views read nothing more.
     */
    static final int SHARES_CACHED = 512;

    @Inject
    InsightStore store;
    @Inject
    TraceFlagging flagging;

    /** Cost shares of recently viewed traces, by the version of the trace they were computed from. */
    private final RecentEntries<TraceVersion, CostShares> shares = new RecentEntries<>(SHARES_CACHED);

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
        return shares.computeIfAbsent(TraceVersion.of(trace), key -> {
            Map<InsightStore.CostDimension, Map<String, BigDecimal>> costs = store.costsBy(key.trace());
            return new CostShares(share(costs.get(InsightStore.CostDimension.TOOL)),
                    share(costs.get(InsightStore.CostDimension.KIND)), share(costs.get(InsightStore.CostDimension.MODEL)));
        });
    }

    private static List<CostShare> share(Map<String, BigDecimal> costs) {
        return CostShares.of(costs, costs.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add));
    }
}
