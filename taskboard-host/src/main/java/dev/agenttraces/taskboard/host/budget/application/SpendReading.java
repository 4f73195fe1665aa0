package dev.agenttraces.taskboard.host.budget.application;

import dev.agenttraces.taskboard.model.budget.BudgetPeriod;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * What the plugin said about an agent's spend in one budget period, or why it could not say: a reading
 * with {@code error} set has no cost, and callers must treat that as "unknown", never as zero.
 */
public record SpendReading(long agentId, BudgetPeriod period, BigDecimal costUsd, int unpricedSteps, int traces,
                           Instant readAt, String error) {

    public static SpendReading failed(long agentId, BudgetPeriod period, Instant at, String error) {
        return new SpendReading(agentId, period, null, 0, 0, at, error);
    }

    public boolean isKnown() {
        return error == null && costUsd != null;
    }
}
