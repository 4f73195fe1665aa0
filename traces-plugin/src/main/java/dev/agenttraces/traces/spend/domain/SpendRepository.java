package dev.agenttraces.traces.spend.domain;

import dev.agenttraces.traces.access.domain.BoardScope;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Spend across traces over a period {@code [from, to)} by trace start time. Sums read the traces'
 * maintained totals, never the steps, and every query is limited to the reader's boards, so a board
 * the reader may not see is not even folded into a total.
 */
public interface SpendRepository {

    Optional<AgentBudget> agent(long agentId);

    Spend agentSpend(long agentId, Instant from, Instant to, BoardScope scope);

    List<TaskCost> topTasks(Instant from, Instant to, int limit, BoardScope scope);

    List<AgentSpend> spendByAgent(Instant from, Instant to, BoardScope scope);

    /** Start and cost of each trace in the period, of one agent or (agentId null) of all. */
    List<TraceCost> traceCosts(Long agentId, Instant from, Instant to, BoardScope scope);
}
