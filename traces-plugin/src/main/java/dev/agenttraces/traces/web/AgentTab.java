package dev.agenttraces.traces.web;

import dev.agenttraces.taskboard.model.budget.BudgetRule;
import dev.agenttraces.traces.access.application.ViewerAccess;
import dev.agenttraces.traces.spend.application.SpendReport;
import dev.agenttraces.traces.spend.domain.AgentBudget;
import dev.agenttraces.traces.spend.domain.Spend;
import dev.agenttraces.traces.trace.application.TraceQueries;
import dev.agenttraces.traces.trace.domain.TraceFilter;


import dev.agenttraces.taskboard.model.budget.BudgetPeriod;
import dev.agenttraces.traces.spend.domain.DailySpend;
import dev.agenttraces.traces.trace.domain.TraceStatus;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.Duration;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
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
    SpendReport spend;
    @Inject
    TraceQueries traces;
    @Inject
    ViewerAccess access;

    private Long agentId;
    private AgentBudget agent;
    private AgentTracesModel traceRows;
    private TraceStatus status;
    private String period = "all";
    private BigDecimal minCost;
    private BigDecimal maxCost;
    private String title;
    private boolean flaggedOnly;
    private SpendReport.BudgetStanding standing;
    private SpendChart chart;

    public void load() {
        if (agentId == null || !access.isSignedIn()) {
            return;
        }
        Instant now = Instant.now();
        standing = spend.standing(agentId, now).orElse(null);
        if (standing == null) {
            return;
        }
        agent = standing.agent();
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        DailySpend daily = spend.daily(agentId, today.minusDays(29), today);
        chart = SpendChart.of(daily);
        applyFilter();
    }

    public void applyFilter() {
        Instant from = switch (period) {
            case "24h" -> Instant.now().minus(Duration.ofHours(24));
            case "7d" -> Instant.now().minus(Duration.ofDays(7));
            case "30d" -> Instant.now().minus(Duration.ofDays(30));
            default -> null;
        };
        traceRows = new AgentTracesModel(traces, agentId, new TraceFilter(status, from, minCost, maxCost, title, flaggedOnly));
    }

    public boolean isBudgetSet() {
        return agent != null && BudgetRule.isLimited(agent.monthlyBudgetUsd());
    }

    /** The gauge's fill, capped at 100: a picture, never a comparison (see {@link #getGaugeClass()}). */
    public int getSpendPercent() {
        return isBudgetSet() ? Formats.percent(getSpend(), agent.monthlyBudgetUsd()) : 0;
    }

    /** Spend as a share of budget, uncapped, for the text beside the gauge. */
    public String getSpendShare() {
        if (!isBudgetSet()) {
            return "";
        }
        return getSpend().multiply(BigDecimal.valueOf(100)).divide(agent.monthlyBudgetUsd(), 0, RoundingMode.HALF_UP) + " %";
    }

    /** The gauge's colour, from the budget rule the host's dot uses too, so both always agree. */
    public String getGaugeClass() {
        if (!isBudgetSet()) {
            return "";
        }
        return gaugeClass(standing.level());
    }

    static String gaugeClass(BudgetRule.Level level) {
        return switch (level) {
            case EXHAUSTED -> "at-over-budget";
            case WARNING -> "at-over-warning";
            case WITHIN -> "";
        };
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

    public AgentBudget getAgent() {
        return agent;
    }

    public AgentTracesModel getTraces() {
        return traceRows;
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
        return standing == null ? BigDecimal.ZERO : standing.spend().costUsd();
    }

    public BudgetPeriod getBudgetPeriod() {
        return standing == null ? null : standing.period();
    }

    public boolean isFlaggedOnly() {
        return flaggedOnly;
    }

    public void setFlaggedOnly(boolean flaggedOnly) {
        this.flaggedOnly = flaggedOnly;
    }

    public SpendChart getChart() {
        return chart;
    }

    public boolean isSignedIn() {
        return access.isSignedIn();
    }

    /** The CSV button's exporter type, formula cells neutralised ({@link FormulaSafeCsvExporter#type()}). */
    public String getCsvType() {
        return FormulaSafeCsvExporter.type();
    }
}
