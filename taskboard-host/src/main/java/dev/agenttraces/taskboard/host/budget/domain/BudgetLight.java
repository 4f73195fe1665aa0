package dev.agenttraces.taskboard.host.budget.domain;

import dev.agenttraces.taskboard.model.AgentStatus;

import java.math.BigDecimal;
import java.math.RoundingMode;

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
        if (isExhausted(budget, spend)) {
            return RED;
        }
        return spend.compareTo(warningLevel(budget, thresholdPercent)) >= 0 ? AMBER : GREEN;
    }

    /**
     * Whether the spend leaves nothing of the budget: at exactly the budget the next call would overspend,
     * so reaching it counts. An unlimited budget (null) is never exhausted.
     */
    public static boolean isExhausted(BigDecimal budget, BigDecimal spend) {
        return budget != null && spend != null && spend.compareTo(budget) >= 0;
    }

    /** The spend at which the warning starts: budget × threshold / 100, in USD cents precision or finer. */
    public static BigDecimal warningLevel(BigDecimal budget, int thresholdPercent) {
        return budget.multiply(BigDecimal.valueOf(thresholdPercent)).divide(BigDecimal.valueOf(100), 6, RoundingMode.HALF_UP);
    }
}
