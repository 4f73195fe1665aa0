package dev.agenttraces.traces.web;

import dev.agenttraces.taskboard.model.budget.BudgetRule;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The agent tab's gauge follows the shared budget rule: at 79.6 % of the budget with an 80 % threshold
 * it is not amber, as the host's dot is not (host side: BudgetLightTest). The plugin once rounded the
 * share to a whole percent first and showed amber there.
 */
class BudgetGaugeTest {

    @Test
    void justBelowTheThresholdTheGaugeIsPlain() {
        BudgetRule.Level level = BudgetRule.level(new BigDecimal("100.00"), 80, new BigDecimal("79.60"));
        assertThat(AgentTab.gaugeClass(level)).isEmpty();
    }

    @Test
    void atTheThresholdAndTheBudgetTheGaugeWarns() {
        assertThat(AgentTab.gaugeClass(BudgetRule.level(new BigDecimal("100"), 80, new BigDecimal("80"))))
                .isEqualTo("at-over-warning");
        assertThat(AgentTab.gaugeClass(BudgetRule.level(new BigDecimal("100"), 80, new BigDecimal("100"))))
                .isEqualTo("at-over-budget");
    }
}
