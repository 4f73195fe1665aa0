package dev.agenttraces.taskboard.model.budget;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;

class BudgetRuleTest {

    @Test
    void unlimitedBudgetIsNeverExhausted() {
        assertThat(BudgetRule.isExhausted(null, new BigDecimal("100000"))).isFalse();
        assertThat(BudgetRule.level(null, 80, new BigDecimal("100000"))).isEqualTo(BudgetRule.Level.WITHIN);
    }

    @Test
    void warningLevelIsExactDecimalArithmetic() {
        assertThat(BudgetRule.warningLevel(new BigDecimal("33.33"), 80)).isEqualByComparingTo("26.664");
    }

    @Test
    void justBelowTheThresholdIsNotAWarning() {
        // 79.6 % of 100 against 80 %: a whole-percent rounding would call it 80 % and warn.
        assertThat(BudgetRule.level(new BigDecimal("100"), 80, new BigDecimal("79.6"))).isEqualTo(BudgetRule.Level.WITHIN);
        assertThat(BudgetRule.level(new BigDecimal("100"), 80, new BigDecimal("80"))).isEqualTo(BudgetRule.Level.WARNING);
        assertThat(BudgetRule.level(new BigDecimal("100"), 80, new BigDecimal("100"))).isEqualTo(BudgetRule.Level.EXHAUSTED);
    }
}
