package dev.agenttraces.taskboard.host.budget.application;

import dev.agenttraces.taskboard.host.budget.domain.BudgetLight;
import dev.agenttraces.taskboard.model.budget.BudgetPeriod;
import dev.agenttraces.taskboard.model.budget.BudgetRule;
import dev.agenttraces.taskboard.model.Agent;
import dev.agenttraces.taskboard.model.AgentStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.logging.Logger;

/**
 * The budget rule applied before every dispatch: an agent with a budget gets work only when the plugin
 * confirms its spend in the current period is below the budget. Unknown spend (plugin down, slow or
 * refusing) means no dispatch this round: running an agent blind could overspend, which is the one
 * thing a budget exists to prevent. Spend that includes unpriced steps (a model without a catalogue price)
 * is unknown too: its priced part is only a lower bound, so it pauses when that alone reaches the budget
 * and otherwise skips the round, as for an unreachable plugin. Callers run this inside their transaction, so a pause is saved
 * together with the decision.
 */
@ApplicationScoped
public class BudgetGuard {

    /** Marks pauses the guard made, so that only those end by themselves on the reset day. */
    public static final String REASON_PREFIX = "Budget exhausted";

    private static final Logger LOG = Logger.getLogger(BudgetGuard.class.getName());
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy").withZone(ZoneOffset.UTC);

    @Inject
    AgentSpend spend;

    public enum Decision { DISPATCH, SKIP_UNKNOWN_SPEND, PAUSED }

    /** Decides whether {@code agent} (managed, ONLINE) may take a task now; pauses it when its budget is used up. */
    public Decision clearForDispatch(Agent agent, Instant now) {
        if (agent.getMonthlyBudgetUsd() == null || agent.isBudgetOverridden(now)) {
            spend.clearSkip(agent.getId());
            return Decision.DISPATCH;
        }
        SpendReading reading = spend.fresh(agent, now);
        if (!reading.isKnown()) {
            LOG.warning(() -> "Not dispatching to agent " + agent.getName() + " this round: spend unknown (" + reading.error() + ")");
            spend.recordSkip(reading);
            return Decision.SKIP_UNKNOWN_SPEND;
        }
        spend.clearSkip(agent.getId());
        if (BudgetRule.isExhausted(agent.getMonthlyBudgetUsd(), reading.costUsd())) {
            agent.pause(REASON_PREFIX + ": $" + dollars(reading.costUsd()) + " spent of $"
                    + dollars(agent.getMonthlyBudgetUsd()) + " since " + DAY.format(reading.period().from())
                    + "; resumes on " + DAY.format(reading.period().to()) + " or when an admin overrides.", now);
            LOG.info(() -> "Paused agent " + agent.getName() + ": " + agent.getPausedReason());
            return Decision.PAUSED;
        }
        if (reading.unpricedSteps() > 0) {
            // Unpriced steps have a cost nobody knows: below the budget is only a lower bound, so fail safe.
            SpendReading unknown = SpendReading.failed(agent.getId(), reading.period(), reading.readAt(),
                    reading.unpricedSteps() + " unpriced steps in this period: spend unknown");
            LOG.warning(() -> "Not dispatching to agent " + agent.getName() + " this round: " + unknown.error());
            spend.recordSkip(unknown);
            return Decision.SKIP_UNKNOWN_SPEND;
        }
        return Decision.DISPATCH;
    }

    /**
     * Resumes an agent the guard paused once a new budget period has begun (its reset day passed).
     * Pauses with another reason are an admin's and stay.
     */
    public boolean resumeIfNewPeriod(Agent agent, Instant now) {
        if (agent.getStatus() != AgentStatus.PAUSED || agent.getPausedReason() == null
                || !agent.getPausedReason().startsWith(REASON_PREFIX) || agent.getPausedAt() == null) {
            return false;
        }
        if (agent.getPausedAt().isBefore(BudgetPeriod.containing(now, agent.getBudgetResetDay()).from())) {
            agent.resume();
            LOG.info(() -> "Resumed agent " + agent.getName() + ": a new budget period began");
            return true;
        }
        return false;
    }

    /** Money as people read it in the pause reason: dollars and cents ($0.92, not $0.9224463). */
    private static String dollars(java.math.BigDecimal usd) {
        return usd.setScale(2, java.math.RoundingMode.HALF_UP).toPlainString();
    }
}
