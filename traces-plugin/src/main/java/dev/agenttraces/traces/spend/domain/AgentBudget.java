package dev.agenttraces.traces.spend.domain;

import java.io.Serializable;

import java.math.BigDecimal;

/**
 * An agent's budget settings as the host keeps them, copied out of the shared entity so view beans
 * hold no managed state. A null or non-positive budget means unlimited.
 */
public record AgentBudget(long id, String name, String model, BigDecimal monthlyBudgetUsd,
                          int warningThresholdPercent, int budgetResetDay) implements Serializable {
}
