package dev.agenttraces.taskboard.model.budget;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BudgetPeriodTest {

    @Test
    void startsThisMonthWhenTheResetDayHasPassed() {
        BudgetPeriod p = BudgetPeriod.containing(Instant.parse("2026-11-24T22:40:00Z"), 15);
        assertThat(p.from()).isEqualTo(Instant.parse("2026-11-15T00:00:00Z"));
        assertThat(p.to()).isEqualTo(Instant.parse("2026-12-15T00:00:00Z"));
    }

    @Test
    void startsLastMonthWhenTheResetDayIsStillAhead() {
        BudgetPeriod p = BudgetPeriod.containing(Instant.parse("2026-11-10T08:00:00Z"), 15);
        assertThat(p.from()).isEqualTo(Instant.parse("2026-10-15T00:00:00Z"));
        assertThat(p.to()).isEqualTo(Instant.parse("2026-11-15T00:00:00Z"));
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
    void crossesTheYearBoundary() {
        BudgetPeriod p = BudgetPeriod.containing(Instant.parse("2027-01-03T12:00:00Z"), 28);
        assertThat(p.from()).isEqualTo(Instant.parse("2026-12-28T00:00:00Z"));
        assertThat(p.to()).isEqualTo(Instant.parse("2027-01-28T00:00:00Z"));
    }

    @Test
    void dayOneGivesCalendarMonthsEvenInFebruary() {
        BudgetPeriod p = BudgetPeriod.containing(Instant.parse("2028-02-29T23:00:00Z"), 1);
        assertThat(p.from()).isEqualTo(Instant.parse("2028-02-01T00:00:00Z"));
        assertThat(p.to()).isEqualTo(Instant.parse("2028-03-01T00:00:00Z"));
    }

    @Test
    void rejectsResetDaysSomeMonthsLack() {
        assertThatThrownBy(() -> BudgetPeriod.containing(Instant.now(), 29)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> BudgetPeriod.containing(Instant.now(), 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void pluginSeesThePeriodStartOnTheResetDayAtMidnightUtc() {
        BudgetPeriod p = BudgetPeriod.containing(Instant.parse("2026-11-24T10:00:00Z"), 15);
        assertThat(p.from()).isEqualTo(Instant.parse("2026-11-15T00:00:00Z"));
        assertThat(p.to()).isEqualTo(Instant.parse("2026-12-15T00:00:00Z"));
    }

    @Test
    void pluginSeesAPeriodBeforeTheResetDayBeganLastMonth() {
        BudgetPeriod p = BudgetPeriod.containing(Instant.parse("2026-01-03T23:59:59Z"), 28);
        assertThat(p.from()).isEqualTo(Instant.parse("2025-12-28T00:00:00Z"));
        assertThat(BudgetPeriod.containing(Instant.parse("2026-11-15T00:00:00Z"), 15).from())
                .isEqualTo(Instant.parse("2026-11-15T00:00:00Z"));
    }
}
