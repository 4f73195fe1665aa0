package dev.agenttraces.taskboard.model;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * An AI agent that the host dispatches tasks to. The budget fields belong to the host: the host decides
 * when to pause an agent, using the spend that the traces plugin reports for the current period.
 */
@Entity
@Table(name = "agent")
public class Agent {

    /** The share of the budget at which the host starts warning, unless an admin sets another. */
    public static final int DEFAULT_WARNING_THRESHOLD_PERCENT = 80;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, unique = true, length = 200)
    private String name;

    @Column(nullable = false, length = 200)
    private String model;

    @Column(nullable = false, length = 100)
    private String provider;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private AgentStatus status = AgentStatus.ONLINE;

    /** Monthly budget in USD; {@code null} means unlimited. */
    @Column(name = "monthly_budget_usd", precision = 19, scale = 6)
    private BigDecimal monthlyBudgetUsd;

    @Column(name = "warning_threshold_pct", nullable = false)
    private int warningThresholdPercent = DEFAULT_WARNING_THRESHOLD_PERCENT;

    /** Day of the month (1–28, so that every month has it) on which the budget period starts. */
    @Column(name = "budget_reset_day", nullable = false)
    private int budgetResetDay = 1;

    @Column(name = "paused_reason", length = 1000)
    private String pausedReason;

    @Column(name = "paused_at")
    private Instant pausedAt;

    /** Until when an admin let the agent run over budget (the end of the period they overrode), or null. */
    @Column(name = "budget_override_until")
    private Instant budgetOverrideUntil;

    protected Agent() {
    }

    public Agent(String name, String model, String provider) {
        this.name = name;
        this.model = model;
        this.provider = provider;
    }

    public void pause(String reason, Instant at) {
        this.status = AgentStatus.PAUSED;
        this.pausedReason = reason;
        this.pausedAt = at;
    }

    public void resume() {
        this.status = AgentStatus.ONLINE;
        this.pausedReason = null;
        this.pausedAt = null;
    }

    /** An admin resumes the agent and lets it spend over budget until {@code until} (the period's end). */
    public void overrideBudgetAndResume(Instant until) {
        resume();
        this.budgetOverrideUntil = until;
    }

    /** Whether an admin's override still lets the agent run over budget at {@code now}. */
    public boolean isBudgetOverridden(Instant now) {
        return budgetOverrideUntil != null && now.isBefore(budgetOverrideUntil);
    }

    public Long getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public String getModel() {
        return model;
    }

    public void setModel(String model) {
        this.model = model;
    }

    public String getProvider() {
        return provider;
    }

    public void setProvider(String provider) {
        this.provider = provider;
    }

    public AgentStatus getStatus() {
        return status;
    }

    public void setStatus(AgentStatus status) {
        this.status = status;
    }

    public BigDecimal getMonthlyBudgetUsd() {
        return monthlyBudgetUsd;
    }

    public void setMonthlyBudgetUsd(BigDecimal monthlyBudgetUsd) {
        this.monthlyBudgetUsd = monthlyBudgetUsd;
    }

    public int getWarningThresholdPercent() {
        return warningThresholdPercent;
    }

    public void setWarningThresholdPercent(int warningThresholdPercent) {
        if (warningThresholdPercent < 1 || warningThresholdPercent > 100) {
            throw new IllegalArgumentException("warning threshold must be 1–100 %");
        }
        this.warningThresholdPercent = warningThresholdPercent;
    }

    public int getBudgetResetDay() {
        return budgetResetDay;
    }

    public void setBudgetResetDay(int budgetResetDay) {
        if (budgetResetDay < 1 || budgetResetDay > 28) {
            throw new IllegalArgumentException("budget reset day must be 1–28");
        }
        this.budgetResetDay = budgetResetDay;
    }

    public String getPausedReason() {
        return pausedReason;
    }

    public Instant getPausedAt() {
        return pausedAt;
    }

    public Instant getBudgetOverrideUntil() {
        return budgetOverrideUntil;
    }
}
