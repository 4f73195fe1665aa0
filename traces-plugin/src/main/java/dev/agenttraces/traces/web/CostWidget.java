package dev.agenttraces.traces.web;

import dev.agenttraces.traces.access.application.ViewerAccess;
import dev.agenttraces.traces.insight.application.AgentInsights;
import dev.agenttraces.traces.spend.application.SpendReport;

import dev.agenttraces.traces.spend.domain.DailySpend;
import dev.agenttraces.traces.spend.domain.AgentSpend;
import dev.agenttraces.traces.spend.domain.TaskCost;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

/**
 * The host's cost dashboard widget (extension point cost-dashboard/widget/v1): the most expensive
 * tasks of a period, spend by agent and a daily chart, over the boards the viewer is a member of.
 * Periods are whole UTC days ending today, so the numbers match the daily chart beside them.
 */
@Named
@ViewScoped
public class CostWidget implements Serializable {

    /** Rows in the ranking. */
    public static final int TOP = 10;
    /** The longest custom range, so a typo cannot ask for a century of traces. */
    public static final int MAX_DAYS = 366;

    @Inject
    SpendReport spend;
    @Inject
    ViewerAccess access;
    @Inject
    AgentInsights insights;

    private String period = "30";
    private LocalDate from;
    private LocalDate to;
    private List<TaskCost> topTasks = List.of();
    private List<AgentSpend> byAgent = List.of();
    private Map<Long, BigDecimal> waste = Map.of();
    private BigDecimal maxTaskCost = BigDecimal.ZERO;
    private BigDecimal maxAgentCost = BigDecimal.ZERO;
    private SpendChart chart;

    public void load() {
        if (!access.isSignedIn()) {
            return;
        }
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        LocalDate first;
        LocalDate last = today;
        if ("custom".equals(period)) {
            if (from == null || to == null || to.isBefore(from) || ChronoUnit.DAYS.between(from, to) >= MAX_DAYS) {
                FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(FacesMessage.SEVERITY_WARN,
                        "Choose a range of at most " + MAX_DAYS + " days, the start before the end.", null));
                return;
            }
            first = from;
            last = to;
        } else {
            first = today.minusDays(Integer.parseInt(period) - 1L);
        }
        Instant start = first.atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant end = last.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        topTasks = spend.topTasksOfViewer(start, end, TOP);
        byAgent = spend.spendByAgent(start, end);
        waste = insights.byAgent(start, end);
        maxTaskCost = topTasks.stream().map(TaskCost::costUsd).max(BigDecimal::compareTo).orElse(BigDecimal.ZERO);
        maxAgentCost = byAgent.stream().map(AgentSpend::costUsd).max(BigDecimal::compareTo).orElse(BigDecimal.ZERO);
        DailySpend daily = spend.daily(null, first, last);
        chart = SpendChart.of(daily);
    }

    /** The agent's waste in the period (cost of flagged steps), null when none was flagged. */
    public BigDecimal waste(long agentId) {
        BigDecimal w = waste.get(agentId);
        return w == null || w.signum() == 0 ? null : w;
    }

    public int taskPercent(BigDecimal cost) {
        return Formats.percent(cost, maxTaskCost);
    }

    public int agentPercent(BigDecimal cost) {
        return Formats.percent(cost, maxAgentCost);
    }

    public boolean isCustom() {
        return "custom".equals(period);
    }

    public String getPeriod() {
        return period;
    }

    public void setPeriod(String period) {
        this.period = List.of("7", "30", "90", "custom").contains(period) ? period : "30";
    }

    public LocalDate getFrom() {
        return from;
    }

    public void setFrom(LocalDate from) {
        this.from = from;
    }

    public LocalDate getTo() {
        return to;
    }

    public void setTo(LocalDate to) {
        this.to = to;
    }

    public List<TaskCost> getTopTasks() {
        return topTasks;
    }

    public List<AgentSpend> getByAgent() {
        return byAgent;
    }

    public SpendChart getChart() {
        return chart;
    }

    public boolean isSignedIn() {
        return access.isSignedIn();
    }
}
