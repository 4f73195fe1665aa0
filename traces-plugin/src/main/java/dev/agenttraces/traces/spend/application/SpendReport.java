package dev.agenttraces.traces.spend.application;

import dev.agenttraces.taskboard.model.Agent;

import dev.agenttraces.taskboard.model.budget.BudgetPeriod;
import dev.agenttraces.taskboard.model.budget.BudgetRule;
import dev.agenttraces.traces.access.application.ViewerAccess;
import dev.agenttraces.traces.access.domain.BoardScope;
import dev.agenttraces.traces.shared.Rejection;
import dev.agenttraces.traces.spend.domain.AgentBudget;
import dev.agenttraces.traces.spend.domain.AgentDaySpend;
import dev.agenttraces.traces.spend.domain.AgentSpend;
import dev.agenttraces.traces.spend.domain.DailySpend;
import dev.agenttraces.traces.spend.domain.Spend;
import dev.agenttraces.traces.spend.domain.SpendRepository;
import dev.agenttraces.traces.spend.domain.TaskCost;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * Agent spend, top tasks and daily spend, for the API (which validates its parameters and refuses
 * with problem answers) and the views, always within the viewer's board scope. The budget period and
 * warning rule are the host's own, from {@code taskboard-model}, so the gauge and the host's dot agree.
 */
@RequestScoped
public class SpendReport {

    /** Largest ranking the API serves. */
    public static final int MAX_TOP = 1000;

    @Inject
    ViewerAccess access;

    @Inject
    SpendRepository spend;

    /** An agent's budget standing in its current period, on the viewer's boards. */
    public record BudgetStanding(AgentBudget agent, BudgetPeriod period, Spend spend, BudgetRule.Level level)
            implements java.io.Serializable {
    }

    // --- API

    public Spend agentSpend(long agentId, Instant from, Instant to) {
        BoardScope scope = access.apiScope();
        checkPeriod(from, to);
        if (spend.agent(agentId).isEmpty()) {
            throw Rejection.notFound("There is no agent " + agentId + ".");
        }
        return spend.agentSpend(agentId, from, to, scope);
    }

    public List<TaskCost> topTasks(Instant from, Instant to, int limit) {
        BoardScope scope = access.apiScope();
        checkPeriod(from, to);
        if (limit < 1 || limit > MAX_TOP) {
            throw Rejection.invalid("limit", "limit must be between 1 and " + MAX_TOP + ".");
        }
        return spend.topTasks(from, to, limit, scope);
    }

    /**
     * Every agent's spend in its own budget period containing {@code at} (periods differ by reset day), in one
     * read of the budget rollup: what the host's agents list and dashboard show, without one call per agent.
     */
    public List<Spend> budgetSpendOfAll(Instant at) {
        BoardScope scope = access.apiScope();
        List<AgentBudget> agents = spend.agents();
        if (agents.isEmpty()) {
            return List.of();
        }
        Map<Long, BudgetPeriod> periods = new HashMap<>();
        Instant first = at;
        Instant last = at;
        for (AgentBudget a : agents) {
            BudgetPeriod p = BudgetPeriod.containing(at, a.budgetResetDay());
            periods.put(a.id(), p);
            first = p.from().isBefore(first) ? p.from() : first;
            last = p.to().isAfter(last) ? p.to() : last;
        }
        Map<Long, List<AgentDaySpend>> days = new HashMap<>();
        for (AgentDaySpend d : spend.receivedByDay(LocalDate.ofInstant(first, ZoneOffset.UTC),
                LocalDate.ofInstant(last, ZoneOffset.UTC), scope)) {
            days.computeIfAbsent(d.agentId(), k -> new ArrayList<>()).add(d);
        }
        List<Spend> out = new ArrayList<>(agents.size());
        for (AgentBudget a : agents) {
            BudgetPeriod p = periods.get(a.id());
            BigDecimal cost = BigDecimal.ZERO;
            long unpriced = 0;
            long traces = 0;
            for (AgentDaySpend d : days.getOrDefault(a.id(), List.of())) {
                if (p.contains(d.day().atStartOfDay(ZoneOffset.UTC).toInstant())) {
                    cost = cost.add(d.costUsd());
                    unpriced += d.unpricedSteps();
                    traces += d.traces();
                }
            }
            out.add(new Spend(a.id(), p.from(), p.to(), cost, unpriced, traces));
        }
        return out;
    }

    // --- views

    public Optional<BudgetStanding> standing(long agentId, Instant now) {
        return spend.agent(agentId).map(agent -> {
            BudgetPeriod period = BudgetPeriod.containing(now, agent.budgetResetDay());
            Spend s = spend.agentSpend(agentId, period.from(), period.to(), access.scope());
            return new BudgetStanding(agent, period, s,
                    BudgetRule.level(agent.monthlyBudgetUsd(), agent.warningThresholdPercent(), s.costUsd()));
        });
    }

    public List<TaskCost> topTasksOfViewer(Instant from, Instant to, int limit) {
        return spend.topTasks(from, to, limit, access.scope());
    }

    public List<AgentSpend> spendByAgent(Instant from, Instant to) {
        return spend.spendByAgent(from, to, access.scope());
    }

    /** Daily spend over whole UTC days {@code [first, last]}, of one agent or (null) of all. */
    public DailySpend daily(Long agentId, LocalDate first, LocalDate last) {
        return new DailySpend(first, last).addAll(spend.dailyCosts(agentId, first, last, access.scope()));
    }

    private static void checkPeriod(Instant from, Instant to) {
        if (from == null) {
            throw Rejection.invalid("from", "from is required (an ISO-8601 instant).");
        }
        if (to == null) {
            throw Rejection.invalid("to", "to is required (an ISO-8601 instant).");
        }
        if (!to.isAfter(from)) {
            throw Rejection.invalid("to", "to must be after from.");
        }
    }
}
