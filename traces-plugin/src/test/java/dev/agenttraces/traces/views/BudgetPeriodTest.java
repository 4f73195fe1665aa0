package dev.agenttraces.traces.views;

import dev.agenttraces.traces.analysis.BudgetPeriod;
import dev.agenttraces.traces.analysis.DailySpend;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class BudgetPeriodTest {

    @Test
    void periodStartsOnTheResetDayAtMidnightUtc() {
        BudgetPeriod p = BudgetPeriod.containing(Instant.parse("2026-11-24T10:00:00Z"), 15);
        assertThat(p.start()).isEqualTo(Instant.parse("2026-11-15T00:00:00Z"));
        assertThat(p.end()).isEqualTo(Instant.parse("2026-12-15T00:00:00Z"));
    }

    @Test
    void beforeTheResetDayThePeriodBeganLastMonth() {
        BudgetPeriod p = BudgetPeriod.containing(Instant.parse("2026-01-03T23:59:59Z"), 28);
        assertThat(p.start()).isEqualTo(Instant.parse("2025-12-28T00:00:00Z"));
        assertThat(BudgetPeriod.containing(Instant.parse("2026-11-15T00:00:00Z"), 15).start())
                .isEqualTo(Instant.parse("2026-11-15T00:00:00Z"));
    }

    @Test
    void dailySpendHasEveryDayAndSumsByUtcDate() {
        Instant now = Instant.parse("2026-11-24T12:00:00Z");
        DailySpend d = DailySpend.lastDays(3, now, List.of(
                new Object[] {Instant.parse("2026-11-24T01:00:00Z"), new BigDecimal("0.5")},
                new Object[] {Instant.parse("2026-11-24T23:00:00Z"), new BigDecimal("0.25")},
                new Object[] {Instant.parse("2026-11-01T00:00:00Z"), new BigDecimal("9")}));
        assertThat(d.days()).hasSize(3);
        assertThat(d.days().values()).containsExactly(BigDecimal.ZERO, BigDecimal.ZERO, new BigDecimal("0.75"));
        assertThat(d.chartJson("Spend")).contains("\"labels\":[\"11-22\",\"11-23\",\"11-24\"]").contains("0.750000");
        assertThat(d.isEmpty()).isFalse();
    }
}
