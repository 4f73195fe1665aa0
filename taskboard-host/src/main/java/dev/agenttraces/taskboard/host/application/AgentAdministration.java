package dev.agenttraces.taskboard.host.application;

import dev.agenttraces.taskboard.model.budget.BudgetPeriod;
import dev.agenttraces.taskboard.host.security.CurrentUser;
import dev.agenttraces.taskboard.model.Agent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Agents: reading them, and the admin-only changes to their budgets. */
@ApplicationScoped
public class AgentAdministration {

    @PersistenceContext(unitName = "taskboard")
    EntityManager em;

    @Inject
    CurrentUser user;

    public List<Agent> agents() {
        return em.createQuery("select a from Agent a order by a.name", Agent.class).getResultList();
    }

    public Optional<Agent> agent(long id) {
        return Optional.ofNullable(em.find(Agent.class, id));
    }

    /**
     * Saves budget, threshold and reset day together or not at all; the entity's setters reject values
     * out of range, so a crafted request cannot store what the form would refuse.
     */
    @Transactional
    public Agent updateBudget(long agentId, BigDecimal monthlyBudgetUsd, int warningThresholdPercent, int budgetResetDay) {
        Agent agent = adminOnly(agentId);
        if (monthlyBudgetUsd != null && monthlyBudgetUsd.signum() < 0) {
            throw new IllegalArgumentException("The budget cannot be negative.");
        }
        agent.setMonthlyBudgetUsd(monthlyBudgetUsd);
        agent.setWarningThresholdPercent(warningThresholdPercent);
        agent.setBudgetResetDay(budgetResetDay);
        return agent;
    }

    /** Resumes the agent and lets it run over budget until its current budget period ends. */
    @Transactional
    public Agent overrideAndResume(long agentId, Instant now) {
        Agent agent = adminOnly(agentId);
        agent.overrideBudgetAndResume(BudgetPeriod.containing(now, agent.getBudgetResetDay()).to());
        return agent;
    }

    private Agent adminOnly(long agentId) {
        if (!user.isAdmin()) {
            throw new IllegalStateException("Only admins can change an agent's budget.");
        }
        return agent(agentId).orElseThrow(() -> new IllegalArgumentException("Agent " + agentId + " does not exist."));
    }
}
