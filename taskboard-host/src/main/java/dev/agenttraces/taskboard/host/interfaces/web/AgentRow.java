package dev.agenttraces.taskboard.host.interfaces.web;

import dev.agenttraces.taskboard.host.budget.application.SpendReading;
import dev.agenttraces.taskboard.host.budget.domain.BudgetLight;
import dev.agenttraces.taskboard.model.Agent;

import java.io.Serializable;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * An agent with its current-period spend, as the agents list and the dashboard show it. A class, not a
 * record: Jakarta EL 6 reads only a record's components, so derived getters like {@link #getLight()}
 * would be invisible to the pages.
 */
public final class AgentRow implements Serializable {

    private final Agent agent;
    private final SpendReading reading;
    private final SpendReading skipped;

    public AgentRow(Agent agent, SpendReading reading, SpendReading skipped) {
        this.agent = agent;
        this.reading = reading;
        this.skipped = skipped;
    }

    public BudgetLight getLight() {
        return BudgetLight.of(agent.getStatus(), agent.getMonthlyBudgetUsd(), agent.getWarningThresholdPercent(),
                reading.costUsd());
    }

    public boolean isSpendKnown() {
        return reading.isKnown();
    }

    /** Why the spend is unknown, or null. */
    public String getSpendError() {
        return reading.error();
    }

    /** "$12.35 of $50.00", "$3.10 (no budget)" or "unknown". */
    public String getSpendText() {
        String spent = reading.isKnown() ? "$" + reading.costUsd().setScale(2, RoundingMode.HALF_UP).toPlainString() : "unknown";
        BigDecimal budget = agent.getMonthlyBudgetUsd();
        return budget == null ? spent + " (no budget)" : spent + " of $" + budget.setScale(2, RoundingMode.HALF_UP).toPlainString();
    }

    /** Share of the budget used, 0–100, for the progress bar; 0 when unknown or unlimited. */
    public int getPercentUsed() {
        BigDecimal budget = agent.getMonthlyBudgetUsd();
        if (!reading.isKnown() || budget == null) {
            return 0;
        }
        if (budget.signum() == 0) {
            return 100;
        }
        return reading.costUsd().multiply(BigDecimal.valueOf(100)).divide(budget, 0, RoundingMode.DOWN)
                .min(BigDecimal.valueOf(100)).intValue();
    }

    public Agent getAgent() {
        return agent;
    }

    public SpendReading getReading() {
        return reading;
    }

    /** The dispatcher's last skip for unknown spend, or null. */
    public SpendReading getSkipped() {
        return skipped;
    }

    public String getSkippedError() {
        return skipped == null ? null : skipped.error();
    }
}
