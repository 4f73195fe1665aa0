package dev.agenttraces.taskboard.model.budget;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BudgetPeriodTest {

    /** The period that holds an instant, for a reset day: where it starts and where the next one starts. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            starts this month when the reset day has passed               | 2026-11-24T22:40:00Z | 15 | 2026-11-15T00:00:00Z | 2026-12-15T00:00:00Z
            starts last month when the reset day is still ahead           | 2026-11-10T08:00:00Z | 15 | 2026-10-15T00:00:00Z | 2026-11-15T00:00:00Z
            crosses the year boundary                                     | 2027-01-03T12:00:00Z | 28 | 2026-12-28T00:00:00Z | 2027-01-28T00:00:00Z
            day one gives calendar months even in February                | 2028-02-29T23:00:00Z |  1 | 2028-02-01T00:00:00Z | 2028-03-01T00:00:00Z
            plugin sees the period start on the reset day at midnight UTC | 2026-11-24T10:00:00Z | 15 | 2026-11-15T00:00:00Z | 2026-12-15T00:00:00Z
            """)
    void periodContaining(String why, Instant at, int resetDay, Instant from, Instant to) {
        BudgetPeriod p = BudgetPeriod.containing(at, resetDay);
        assertThat(p.from()).isEqualTo(from);
        assertThat(p.to()).isEqualTo(to);
    }

    @Test
    void theResetInstantItselfBelongsToTheNewPeriod() {
        BudgetPeriod p = BudgetPeriod.containing(Instant.parse("2026-11-15T00:00:00Z"), 15);
        assertThat(p.from()).isEqualTo(Instant.parse("2026-11-15T00:00:00Z"));
        assertThat(p.contains(Instant.parse("2026-11-15T00:00:00Z"))).isTrue();
        assertThat(p.contains(Instant.parse("2026-12-15T00:00:00Z"))).isFalse();
    }

    @Test
    void oneSecondBeforeTheResetIsStillTheOldPeriod() {
        BudgetPeriod p = BudgetPeriod.containing(Instant.parse("2026-11-14T23:59:59Z"), 15);
        assertThat(p.from()).isEqualTo(Instant.parse("2026-10-15T00:00:00Z"));
    }

    @Test
    void rejectsResetDaysSomeMonthsLack() {
        assertThatThrownBy(() -> BudgetPeriod.containing(Instant.now(), 29)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> BudgetPeriod.containing(Instant.now(), 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void pluginSeesAPeriodBeforeTheResetDayBeganLastMonth() {
        BudgetPeriod p = BudgetPeriod.containing(Instant.parse("2026-01-03T23:59:59Z"), 28);
        assertThat(p.from()).isEqualTo(Instant.parse("2025-12-28T00:00:00Z"));
        assertThat(BudgetPeriod.containing(Instant.parse("2026-11-15T00:00:00Z"), 15).from())
                .isEqualTo(Instant.parse("2026-11-15T00:00:00Z"));
    }
}
