package dev.agenttraces.taskboard.host.budget.application;

import dev.agenttraces.taskboard.model.budget.BudgetPeriod;
import dev.agenttraces.taskboard.model.Agent;
import dev.agenttraces.taskboard.model.AgentStatus;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** The budget rule before dispatch, with the plugin's answer scripted: a plain in-memory spend source. */
class BudgetGuardTest {

    private static final Instant NOW = Instant.parse("2026-11-24T22:40:00Z");

    private final AtomicInteger calls = new AtomicInteger();
    private SpendReading answer;
    private BudgetGuard guard;
    private AgentSpend spend;
    private Agent agent;

    @BeforeEach
    void wire() throws Exception {
        spend = new AgentSpend();
        spend.cacheSeconds = 30;
        spend.source = (agentId, period) -> {
            calls.incrementAndGet();
            return answer;
        };
        guard = new BudgetGuard();
        guard.spend = spend;
        agent = new Agent("Coder", "claude-sonnet-4-5", "anthropic");
        var id = Agent.class.getDeclaredField("id");
        id.setAccessible(true);
        id.set(agent, 7L);
        agent.setMonthlyBudgetUsd(new BigDecimal("50.00"));
        agent.setBudgetResetDay(15);
    }

    private void pluginSays(String cost) {
        answer = new SpendReading(7, BudgetPeriod.containing(NOW, 15), new BigDecimal(cost), 0, 3, NOW, null);
    }

    @Test
    void dispatchesBelowTheBudget() {
        pluginSays("49.99");
        assertThat(guard.clearForDispatch(agent, NOW)).isEqualTo(BudgetGuard.Decision.DISPATCH);
        assertThat(agent.getStatus()).isEqualTo(AgentStatus.ONLINE);
    }

    @Test
    void pausesWithAReasonOnceTheBudgetIsUsedUp() {
        pluginSays("50.00");
        assertThat(guard.clearForDispatch(agent, NOW)).isEqualTo(BudgetGuard.Decision.PAUSED);
        assertThat(agent.getStatus()).isEqualTo(AgentStatus.PAUSED);
        assertThat(agent.getPausedReason()).startsWith(BudgetGuard.REASON_PREFIX).contains("$50.00 spent of $50.00")
                .contains("15 Nov 2026").contains("15 Dec 2026");
    }

    @Test
    void thePauseReasonShowsDollarsAndCents() {
        agent.setMonthlyBudgetUsd(new BigDecimal("0.800000"));
        pluginSays("0.9224463");
        guard.clearForDispatch(agent, NOW);
        assertThat(agent.getPausedReason()).contains("$0.92 spent of $0.80");
    }

    @Test
    void skipsTheRoundWithoutPausingWhenTheSpendIsUnknown() {
        answer = SpendReading.failed(7, BudgetPeriod.containing(NOW, 15), NOW, "the traces plugin could not be reached");
        assertThat(guard.clearForDispatch(agent, NOW)).isEqualTo(BudgetGuard.Decision.SKIP_UNKNOWN_SPEND);
        assertThat(agent.getStatus()).isEqualTo(AgentStatus.ONLINE);
        assertThat(spend.lastSkip(7)).get().extracting(SpendReading::error).isEqualTo("the traces plugin could not be reached");

        pluginSays("1.00");
        assertThat(guard.clearForDispatch(agent, NOW)).isEqualTo(BudgetGuard.Decision.DISPATCH);
        assertThat(spend.lastSkip(7)).isEmpty();
    }

    /** Issue 9, finding 8: an agent on a model without a price spent without limit. */
    @Test
    void unpricedSpendIsUnknownSpend() {
        answer = new SpendReading(7, BudgetPeriod.containing(NOW, 15), new BigDecimal("1.00"), 4, 3, NOW, null);
        assertThat(guard.clearForDispatch(agent, NOW)).isEqualTo(BudgetGuard.Decision.SKIP_UNKNOWN_SPEND);
        assertThat(agent.getStatus()).isEqualTo(AgentStatus.ONLINE);
        assertThat(spend.lastSkip(7)).get().extracting(SpendReading::error).asString().contains("4 unpriced steps");

        answer = new SpendReading(7, BudgetPeriod.containing(NOW, 15), new BigDecimal("50.00"), 4, 3, NOW, null);
        assertThat(guard.clearForDispatch(agent, NOW)).as("the priced part alone exhausts it").isEqualTo(BudgetGuard.Decision.PAUSED);
    }

    @Test
    void unlimitedAndOverriddenAgentsNeedNoSpendCheck() {
        pluginSays("999");
        agent.overrideBudgetAndResume(BudgetPeriod.containing(NOW, 15).to());
        assertThat(guard.clearForDispatch(agent, NOW)).isEqualTo(BudgetGuard.Decision.DISPATCH);
        agent.setMonthlyBudgetUsd(null);
        assertThat(guard.clearForDispatch(agent, NOW.plusSeconds(40 * 86400))).isEqualTo(BudgetGuard.Decision.DISPATCH);
        assertThat(calls).hasValue(0);
    }

    @Test
    void anOverrideEndsWithThePeriod() {
        agent.overrideBudgetAndResume(BudgetPeriod.containing(NOW, 15).to());
        Instant nextPeriod = Instant.parse("2026-12-16T00:00:00Z");
        answer = new SpendReading(7, BudgetPeriod.containing(nextPeriod, 15), new BigDecimal("60"), 0, 1, nextPeriod, null);
        assertThat(guard.clearForDispatch(agent, nextPeriod)).isEqualTo(BudgetGuard.Decision.PAUSED);
    }

    @Test
    void aBudgetPauseEndsOnTheResetDayButAnAdminPauseStays() {
        pluginSays("50.00");
        guard.clearForDispatch(agent, NOW);
        assertThat(guard.resumeIfNewPeriod(agent, Instant.parse("2026-12-14T23:59:59Z"))).isFalse();
        assertThat(guard.resumeIfNewPeriod(agent, Instant.parse("2026-12-15T00:00:00Z"))).isTrue();
        assertThat(agent.getStatus()).isEqualTo(AgentStatus.ONLINE);

        agent.pause("Maintenance", NOW);
        assertThat(guard.resumeIfNewPeriod(agent, Instant.parse("2027-02-15T00:00:00Z"))).isFalse();
        assertThat(agent.getStatus()).isEqualTo(AgentStatus.PAUSED);
    }
}
