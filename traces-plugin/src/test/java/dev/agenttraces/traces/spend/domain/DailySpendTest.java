package dev.agenttraces.traces.spend.domain;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class DailySpendTest {

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
