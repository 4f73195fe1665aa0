package dev.agenttraces.traces.views;

import dev.agenttraces.taskboard.model.Agent;
import dev.agenttraces.traces.analysis.BudgetPeriod;
import dev.agenttraces.traces.analysis.DailySpend;
import dev.agenttraces.traces.analysis.Formats;
import dev.agenttraces.traces.analysis.SpendQueries;
import dev.agenttraces.traces.analysis.SpendQueries.AgentTraceFilter;
import dev.agenttraces.traces.store.domain.TraceStatus;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;

/**
 * The agent's "Agent Traces" tab (extension point agent/tab/v1): a lazily paged, sortable and
 * filterable table of its traces, its spend against the budget of the current period, and a chart
 * of daily spend over the last 30 days.
 */
@Named
@ViewScoped
public class AgentTab implements Serializable {

    @Inject
    SpendQueries queries;
    @Inject
    Visibility visibility;

    private Long agentId;
    private Agent agent;
    private Set<Long> boards = Set.of();
    private AgentTracesModel traces;
    private TraceStatus status;
    private String period = "all";
    private BigDecimal minCost;
    private BigDecimal maxCost;
    private String title;
    private BigDecimal spend = BigDecimal.ZERO;
    private BudgetPeriod budgetPeriod;
    private String dailyChart;
    private boolean noSpend;

    public void load() {
        if (agentId == null || !visibility.isSignedIn()) {
            return;
        }
        agent = queries.agent(agentId).orElse(null);
        if (agent == null) {
            return;
        }
        boards = visibility.boards();
        Instant now = Instant.now();
        budgetPeriod = BudgetPeriod.containing(now, agent.getBudgetResetDay());
        spend = queries.agentSpend(agentId, boards, budgetPeriod.start());
        DailySpend daily = DailySpend.lastDays(30, now,
                queries.costsOverTime(agentId, boards, now.minus(Duration.ofDays(31)), now.plusSeconds(1)));
        noSpend = daily.isEmpty();
        dailyChart = daily.chartJson("Spend (USD)");
        applyFilter();
    }

    public void applyFilter() {
        Instant from = switch (period) {
            case "24h" -> Instant.now().minus(Duration.ofHours(24));
            case "7d" -> Instant.now().minus(Duration.ofDays(7));
            case "30d" -> Instant.now().minus(Duration.ofDays(30));
            default -> null;
        };
        traces = new AgentTracesModel(queries, agentId, boards, new AgentTraceFilter(status, from, minCost, maxCost, title));
    }

    public boolean isBudgetSet() {
        return agent != null && agent.getMonthlyBudgetUsd() != null && agent.getMonthlyBudgetUsd().signum() > 0;
    }

    public int getSpendPercent() {
        return isBudgetSet() ? Formats.percent(spend, agent.getMonthlyBudgetUsd()) : 0;
    }

    /** Spend as a share of budget, uncapped, for the text beside the gauge. */
    public String getSpendShare() {
        if (!isBudgetSet()) {
            return "";
        }
        return spend.multiply(BigDecimal.valueOf(100)).divide(agent.getMonthlyBudgetUsd(), 0, java.math.RoundingMode.HALF_UP) + " %";
    }

    public String getGaugeClass() {
        if (!isBudgetSet()) {
            return "";
        }
        BigDecimal budget = agent.getMonthlyBudgetUsd();
        if (spend.compareTo(budget) >= 0) {
            return "at-over-budget";
        }
        return Formats.percent(spend, budget) >= agent.getWarningThresholdPercent() ? "at-over-warning" : "";
    }

    public TraceStatus[] getStatuses() {
        return TraceStatus.values();
    }

    public Long getAgentId() {
        return agentId;
    }

    public void setAgentId(Long agentId) {
        this.agentId = agentId;
    }

    public Agent getAgent() {
        return agent;
    }

    public AgentTracesModel getTraces() {
        return traces;
    }

    public TraceStatus getStatus() {
        return status;
    }

    public void setStatus(TraceStatus status) {
        this.status = status;
    }

    public String getPeriod() {
        return period;
    }

    public void setPeriod(String period) {
        this.period = period == null ? "all" : period;
    }

    public BigDecimal getMinCost() {
        return minCost;
    }

    public void setMinCost(BigDecimal minCost) {
        this.minCost = minCost;
    }

    public BigDecimal getMaxCost() {
        return maxCost;
    }

    public void setMaxCost(BigDecimal maxCost) {
        this.maxCost = maxCost;
    }

    public String getTitle() {
        return title;
    }

    public void setTitle(String title) {
        this.title = title;
    }

    public BigDecimal getSpend() {
        return spend;
    }

    public BudgetPeriod getBudgetPeriod() {
        return budgetPeriod;
    }

    public String getDailyChart() {
        return dailyChart;
    }

    public boolean isNoSpend() {
        return noSpend;
    }

    public boolean isSignedIn() {
        return visibility.isSignedIn();
    }
}
