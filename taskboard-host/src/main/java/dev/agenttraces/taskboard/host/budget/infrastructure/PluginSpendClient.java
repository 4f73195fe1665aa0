package dev.agenttraces.taskboard.host.budget.infrastructure;

import dev.agenttraces.taskboard.host.budget.application.SpendReading;
import dev.agenttraces.taskboard.host.budget.application.SpendSource;
import dev.agenttraces.taskboard.model.Agent;
import dev.agenttraces.taskboard.model.budget.BudgetPeriod;
import dev.agenttraces.taskboard.contract.HostContract;
import dev.agenttraces.taskboard.host.contract.PluginServerCalls;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Calls the traces plugin's spend API: {@code GET {server-url}/api/v1/agents/{id}/spend?from=…&to=…} (context
 * {@code agent.id}) and its all-agents read, through {@link PluginServerCalls} (service token bound to the URL).
 * Every failure becomes a failed reading with a human-readable reason; the cost is parsed as a decimal string,
 * never a double.
 */
@ApplicationScoped
public class PluginSpendClient implements SpendSource {

    @Inject
    PluginServerCalls plugin;

    @Override
    public SpendReading spend(long agentId, BudgetPeriod period) {
        Instant now = Instant.now();
        URI url = plugin.url("/api/v1/agents/" + agentId + "/spend?from=" + period.from() + "&to=" + period.to());
        try {
            JsonObject body = plugin.get(url, Map.of(HostContract.AGENT_ID, String.valueOf(agentId)));
            return reading(agentId, period, body, now);
        } catch (PluginServerCalls.Failed e) {
            return SpendReading.failed(agentId, period, now, e.getMessage());
        }
    }

    /** One call for all agents ({@link HostContract#ALL_AGENTS_SPEND}); an agent missing from the answer reads failed. */
    @Override
    public Map<Long, SpendReading> spendAll(List<Agent> agents, Instant now) {
        Map<Long, SpendReading> out = new HashMap<>();
        String reason;
        try {
            JsonObject body = plugin.get(plugin.url(HostContract.ALL_AGENTS_SPEND + "?asOf=" + now), Map.of());
            for (JsonObject item : body.getJsonArray("items").getValuesAs(JsonObject.class)) {
                long id = item.getJsonNumber("agentId").longValue();
                out.put(id, reading(id, new BudgetPeriod(Instant.parse(item.getString("from")),
                        Instant.parse(item.getString("to"))), item, now));
            }
            reason = "the traces plugin did not report this agent";
        } catch (PluginServerCalls.Failed e) {
            reason = e.getMessage();
        } catch (RuntimeException e) {
            out.clear();
            reason = "the traces plugin sent an unreadable answer (" + e.getMessage() + ")";
        }
        for (Agent a : agents) {
            if (!out.containsKey(a.getId())) {
                out.put(a.getId(), SpendReading.failed(a.getId(), BudgetPeriod.containing(now, a.getBudgetResetDay()), now, reason));
            }
        }
        return out;
    }

    private static SpendReading reading(long agentId, BudgetPeriod period, JsonObject body, Instant now) {
        return new SpendReading(agentId, period, new BigDecimal(body.getString("costUsd")),
                body.getInt("unpricedSteps", 0), body.getInt("traces", 0), now, null);
    }

}
