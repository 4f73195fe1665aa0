package dev.agenttraces.taskboard.host.budget.application;

import dev.agenttraces.taskboard.model.budget.BudgetPeriod;
import dev.agenttraces.taskboard.model.Agent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The latest spend reading per agent. Pages reuse a recent reading (so listing ten agents does not make
 * ten calls per page view); the dispatcher always asks afresh, and its failures are kept here so the
 * pages can show that dispatching was skipped and why.
 */
@ApplicationScoped
public class AgentSpend {

    @Inject
    SpendSource source;

    @Inject
    @ConfigProperty(name = "taskboard.budget.spend-cache-seconds", defaultValue = "30")
    long cacheSeconds;

    private final Map<Long, SpendReading> latest = new ConcurrentHashMap<>();
    private final Map<Long, SpendReading> skipped = new ConcurrentHashMap<>();

    /** A reading of at most {@code taskboard.budget.spend-cache-seconds} for the current period. */
    public SpendReading recent(Agent agent, Instant now) {
        BudgetPeriod period = BudgetPeriod.containing(now, agent.getBudgetResetDay());
        SpendReading last = latest.get(agent.getId());
        if (last != null && last.period().equals(period)
                && Duration.between(last.readAt(), now).getSeconds() < cacheSeconds) {
            return last;
        }
        return fresh(agent, now);
    }

    /**
     * Recent readings for every listed agent: when any is missing or stale, one batched read refreshes them all
     * (the agents list and the dashboard with 200 agents make one plugin call, not 200).
     */
    public Map<Long, SpendReading> recentAll(List<Agent> agents, Instant now) {
        Map<Long, SpendReading> out = new HashMap<>();
        boolean stale = false;
        for (Agent a : agents) {
            SpendReading last = latest.get(a.getId());
            if (last == null || !last.period().equals(BudgetPeriod.containing(now, a.getBudgetResetDay()))
                    || Duration.between(last.readAt(), now).getSeconds() >= cacheSeconds) {
                stale = true;
                break;
            }
            out.put(a.getId(), last);
        }
        if (!stale) {
            return out;
        }
        Map<Long, SpendReading> fresh = source.spendAll(agents, now);
        latest.putAll(fresh);
        return fresh;
    }

    /** Asks the plugin now. */
    public SpendReading fresh(Agent agent, Instant now) {
        SpendReading reading = source.spend(agent.getId(), BudgetPeriod.containing(now, agent.getBudgetResetDay()));
        latest.put(agent.getId(), reading);
        return reading;
    }

    /** Remembers that the dispatcher skipped this agent because its spend was unknown. */
    void recordSkip(SpendReading reading) {
        skipped.put(reading.agentId(), reading);
    }

    void clearSkip(long agentId) {
        skipped.remove(agentId);
    }

    /** The last dispatch round that skipped the agent for unknown spend, if the latest round did. */
    public Optional<SpendReading> lastSkip(long agentId) {
        return Optional.ofNullable(skipped.get(agentId));
    }
}
