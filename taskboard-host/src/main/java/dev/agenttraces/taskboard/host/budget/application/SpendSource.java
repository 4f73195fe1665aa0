package dev.agenttraces.taskboard.host.budget.application;

import dev.agenttraces.taskboard.model.Agent;
import dev.agenttraces.taskboard.model.budget.BudgetPeriod;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Where an agent's spend comes from: the traces plugin's spend API. An interface so the budget rules do
 * not care how the plugin is reached; the implementation never throws, it returns a failed reading.
 */
public interface SpendSource {

    SpendReading spend(long agentId, BudgetPeriod period);

    /**
     * Every listed agent's spend in its budget period containing {@code now}. The plugin answers it in one call
     * ({@code HostContract.ALL_AGENTS_SPEND}); this default asks per agent, for sources without a batched read.
     */
    default Map<Long, SpendReading> spendAll(List<Agent> agents, Instant now) {
        Map<Long, SpendReading> out = new HashMap<>();
        for (Agent a : agents) {
            out.put(a.getId(), spend(a.getId(), BudgetPeriod.containing(now, a.getBudgetResetDay())));
        }
        return out;
    }
}
