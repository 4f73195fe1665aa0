package dev.agenttraces.traces.insight.application;

import dev.agenttraces.traces.access.application.ViewerAccess;
import dev.agenttraces.traces.insight.domain.AgentWaste;
import dev.agenttraces.traces.insight.domain.WasteRow;
import dev.agenttraces.traces.spend.domain.DailySpend;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

/**
 * Waste across traces, within the viewer's board scope: an agent's over the last {@link #DAYS} days (the agent
 * tab), and every agent's beside spend (the cost widget). Both read the stored totals only.
 */
@RequestScoped
public class AgentInsights {

    public static final int DAYS = 30;
    /** Traces an agent's window reads at most (newest first). */
    static final int MAX_TRACES = 20_000;
    static final int WORST_TASKS = 5;

    @Inject
    InsightStore store;
    @Inject
    ViewerAccess access;

    /** An agent's waste over the window, and its daily waste for a chart. */
    public record Window(AgentWaste waste, DailySpend daily) {
    }

    /** The agent's waste over the last {@link #DAYS} whole UTC days, today included. */
    public Window agent(long agentId, Instant now) {
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        LocalDate first = today.minusDays(DAYS - 1L);
        List<WasteRow> rows = store.agentWaste(agentId, first.atStartOfDay(ZoneOffset.UTC).toInstant(),
                today.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant(), access.scope(), MAX_TRACES);
        return new Window(AgentWaste.of(rows, first, DAYS, WORST_TASKS), DailySpend.lastDays(DAYS, now,
                rows.stream().map(r -> new Object[] {r.startedAt(), r.wasteCostUsd()}).toList()));
    }

    /** Every agent's waste of the traces started in [from, to). */
    public Map<Long, BigDecimal> byAgent(Instant from, Instant to) {
        return store.wasteByAgent(from, to, access.scope());
    }
}
