package dev.agenttraces.taskboard.host.budget.domain;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static dev.agenttraces.taskboard.model.AgentStatus.OFFLINE;
import static dev.agenttraces.taskboard.model.AgentStatus.ONLINE;
import static dev.agenttraces.taskboard.model.AgentStatus.PAUSED;
import static org.assertj.core.api.Assertions.assertThat;

class BudgetLightTest {

    private static final BigDecimal BUDGET = new BigDecimal("50.00");

    @Test
    void greenBelowTheWarningThreshold() {
        assertThat(BudgetLight.of(ONLINE, BUDGET, 80, new BigDecimal("39.999999"))).isEqualTo(BudgetLight.GREEN);
    }

    @Test
    void amberExactlyAtTheWarningThreshold() {
        assertThat(BudgetLight.of(ONLINE, BUDGET, 80, new BigDecimal("40.00"))).isEqualTo(BudgetLight.AMBER);
    }

    @Test
    void amberJustBelowTheBudget() {
        assertThat(BudgetLight.of(ONLINE, BUDGET, 80, new BigDecimal("49.999"))).isEqualTo(BudgetLight.AMBER);
    }

    @Test
    void redOnceTheBudgetIsReachedOrExceeded() {
        assertThat(BudgetLight.of(ONLINE, BUDGET, 80, new BigDecimal("50"))).isEqualTo(BudgetLight.RED);
        assertThat(BudgetLight.of(ONLINE, BUDGET, 80, new BigDecimal("73.10"))).isEqualTo(BudgetLight.RED);
    }

    @Test
    void redWhenPausedWhateverTheSpend() {
        assertThat(BudgetLight.of(PAUSED, BUDGET, 80, BigDecimal.ZERO)).isEqualTo(BudgetLight.RED);
        assertThat(BudgetLight.of(PAUSED, null, 80, null)).isEqualTo(BudgetLight.RED);
    }

    @Test
    void unlimitedBudgetStaysGreen() {
        assertThat(BudgetLight.of(ONLINE, null, 80, new BigDecimal("100000"))).isEqualTo(BudgetLight.GREEN);
    }

    @Test
    void unknownSpendIsGreyNotGreen() {
        assertThat(BudgetLight.of(ONLINE, BUDGET, 80, null)).isEqualTo(BudgetLight.GREY);
        assertThat(BudgetLight.of(OFFLINE, BUDGET, 80, null)).isEqualTo(BudgetLight.GREY);
    }

    @Test
    void aLowThresholdWarnsEarly() {
        assertThat(BudgetLight.of(ONLINE, new BigDecimal("10"), 1, new BigDecimal("0.10"))).isEqualTo(BudgetLight.AMBER);
        assertThat(BudgetLight.of(ONLINE, new BigDecimal("10"), 1, new BigDecimal("0.09"))).isEqualTo(BudgetLight.GREEN);
    }

    @Test
    void justBelowTheThresholdIsGreenAsThePluginGaugeIs() {
        // Same rule as the plugin's gauge (traces-plugin BudgetGaugeTest): 79.6 % of 100 against 80 %.
        assertThat(BudgetLight.of(ONLINE, new BigDecimal("100.00"), 80, new BigDecimal("79.60"))).isEqualTo(BudgetLight.GREEN);
    }
}
