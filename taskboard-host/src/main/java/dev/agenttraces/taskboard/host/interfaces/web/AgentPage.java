package dev.agenttraces.taskboard.host.interfaces.web;

import dev.agenttraces.taskboard.host.application.AgentAdministration;
import dev.agenttraces.taskboard.host.budget.application.AgentSpend;
import dev.agenttraces.taskboard.model.budget.BudgetPeriod;
import dev.agenttraces.taskboard.host.security.CurrentUser;
import dev.agenttraces.taskboard.model.Agent;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Agent detail: an Overview tab (status, budget dot, spend this period, pause reason), the plugins' tabs,
 * and for admins the budget settings and "override &amp; resume".
 */
@Named
@ViewScoped
public class AgentPage implements Serializable {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH).withZone(ZoneOffset.UTC);

    @Inject
    AgentAdministration agents;

    @Inject
    AgentSpend spend;

    @Inject
    CurrentUser user;

    private Long id;
    /** Holds the agent entity, so not kept with the view in the (replicated) session: read again after a failover. */
    private transient AgentRow row;
    private BigDecimal budget;
    private Integer threshold;
    private Integer resetDay;

    /** Called by {@code f:viewAction} once the id parameter is set. */
    public void load() {
        Agent agent = id == null ? null : agents.agent(id).orElse(null);
        row = agent == null ? null : new AgentRow(agent, spend.recent(agent, Instant.now()), spend.lastSkip(agent.getId()).orElse(null));
        if (agent != null) {
            budget = agent.getMonthlyBudgetUsd();
            threshold = agent.getWarningThresholdPercent();
            resetDay = agent.getBudgetResetDay();
        }
    }

    public void saveBudget() {
        try {
            agents.updateBudget(id, budget, threshold, resetDay);
            Pages.info("Budget settings saved.");
            reload();
        } catch (RuntimeException e) {
            Pages.error(Pages.messageOf(e));
        }
    }

    public void overrideAndResume() {
        try {
            agents.overrideAndResume(id, Instant.now());
            Pages.info("Resumed; the budget is overridden until the period ends.");
            reload();
        } catch (RuntimeException e) {
            Pages.error(Pages.messageOf(e));
        }
    }

    private void reload() {
        Agent agent = agents.agent(id).orElseThrow();
        row = new AgentRow(agent, spend.fresh(agent, Instant.now()), spend.lastSkip(agent.getId()).orElse(null));
    }


    /** The current budget period as people read it, e.g. "15 Nov 2026 – 15 Dec 2026 (UTC)". */
    public String getPeriodText() {
        BudgetPeriod period = BudgetPeriod.containing(Instant.now(), getRow().getAgent().getBudgetResetDay());
        return DAY.format(period.from()) + " – " + DAY.format(period.to()) + " (UTC)";
    }

    public boolean isAdmin() {
        return user.isAdmin();
    }

    public Long getId() {
        return id;
    }

    public void setId(Long id) {
        this.id = id;
    }

    public AgentRow getRow() {
        if (row == null && id != null) {
            agents.agent(id).ifPresent(agent -> row = new AgentRow(agent, spend.recent(agent, Instant.now()),
                    spend.lastSkip(agent.getId()).orElse(null)));
        }
        return row;
    }

    public BigDecimal getBudget() {
        return budget;
    }

    public void setBudget(BigDecimal budget) {
        this.budget = budget;
    }

    public Integer getThreshold() {
        return threshold;
    }

    public void setThreshold(Integer threshold) {
        this.threshold = threshold;
    }

    public Integer getResetDay() {
        return resetDay;
    }

    public void setResetDay(Integer resetDay) {
        this.resetDay = resetDay;
    }
}
