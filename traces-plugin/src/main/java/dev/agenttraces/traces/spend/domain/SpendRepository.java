package dev.agenttraces.traces.spend.domain;

import dev.agenttraces.traces.access.domain.BoardScope;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * Spend across traces over a period {@code [from, to)} by trace start time (the budget's spend by receive
 * time). Sums read the daily spend rollups when the period is whole UTC days (every view and the host's
 * budget check), the traces' maintained totals otherwise, never the steps; every query is limited to the
 * reader's boards, so a board the reader may not see is not even folded into a total.
 */
public interface SpendRepository {

    Optional<AgentBudget> agent(long agentId);

    /** Every agent's budget settings, by id. */
    List<AgentBudget> agents();

    /** Spend per agent and UTC day of receipt over days {@code [first, last)}, from the budget rollup. */
    List<AgentDaySpend> receivedByDay(LocalDate first, LocalDate last, BoardScope scope);

    Spend agentSpend(long agentId, Instant from, Instant to, BoardScope scope);

    List<TaskCost> topTasks(Instant from, Instant to, int limit, BoardScope scope);

    List<AgentSpend> spendByAgent(Instant from, Instant to, BoardScope scope);

    /** Cost per UTC day of the traces started on days {@code [first, last]}, of one agent or (agentId null) of all. */
    List<DayCost> dailyCosts(Long agentId, LocalDate first, LocalDate last, BoardScope scope);
}
