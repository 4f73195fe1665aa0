package dev.agenttraces.taskboard.host.budget.application;

import dev.agenttraces.taskboard.model.budget.BudgetPeriod;

/**
 * Where an agent's spend comes from: the traces plugin's spend API. An interface so the budget rules do
 * not care how the plugin is reached; the implementation never throws, it returns a failed reading.
 */
public interface SpendSource {

    SpendReading spend(long agentId, BudgetPeriod period);
}
