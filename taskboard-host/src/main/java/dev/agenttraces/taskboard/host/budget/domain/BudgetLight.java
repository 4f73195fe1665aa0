package dev.agenttraces.taskboard.host.budget.domain;

import dev.agenttraces.taskboard.model.AgentStatus;

import java.math.BigDecimal;
import dev.agenttraces.taskboard.model.budget.BudgetRule;

/**
 * The dot shown next to an agent: green while spend is below the warning threshold, amber at or above
 * it, red when the budget is used up or the agent is paused. Grey when the spend is unknown (the plugin
 * did not answer), because guessing green there would hide exactly the case that needs attention.
 */
public enum BudgetLight {
    GREEN("Within budget"),
    AMBER("Near budget"),
    RED("Over budget or paused"),
    GREY("Spend unknown");

    private final String label;

    BudgetLight(String label) {
        this.label = label;
    }

    public String getLabel() {
        return label;
    }

    public String getCssClass() {
        return "tb-dot tb-dot-" + name().toLowerCase();
    }

    /**
     * @param budget           monthly budget in USD, or null for unlimited
     * @param thresholdPercent warning threshold, 1–100
     * @param spend            spend in the current period, or null when unknown
     */
    public static BudgetLight of(AgentStatus status, BigDecimal budget, int thresholdPercent, BigDecimal spend) {
        if (status == AgentStatus.PAUSED) {
            return RED;
        }
        if (budget == null) {
            return GREEN;
        }
        if (spend == null) {
            return GREY;
        }
        return switch (BudgetRule.level(budget, thresholdPercent, spend)) {
            case EXHAUSTED -> RED;
            case WARNING -> AMBER;
            case WITHIN -> GREEN;
        };
    }
}
