package dev.agenttraces.traces.retention.domain;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class RetentionRuleTest {

    private static final Instant NOW = Instant.parse("2026-12-02T05:34:01Z");

    @Test
    void theGlobalPeriodAppliesToABoardWithoutItsOwn() {
        assertThat(RetentionRule.cutoff(null, 30, NOW)).contains(Instant.parse("2026-11-02T00:00:00Z"));
        assertThat(RetentionRule.effectiveDays(null, 30)).isEqualTo(30);
    }

    @Test
    void aBoardsOwnPeriodWinsOverTheGlobalOne() {
        assertThat(RetentionRule.cutoff(7, 30, NOW)).contains(Instant.parse("2026-11-25T00:00:00Z"));
        assertThat(RetentionRule.cutoff(90, 0, NOW)).contains(Instant.parse("2026-09-03T00:00:00Z"));
    }

    @Test
    void zeroKeepsForeverGloballyAndPerBoard() {
        assertThat(RetentionRule.cutoff(null, 0, NOW)).isEmpty();
        assertThat(RetentionRule.cutoff(0, 30, NOW)).as("a board's 0 overrides a global period").isEmpty();
        assertThat(RetentionRule.effectiveDays(0, 30)).isZero();
    }

    @Test
    void theCutoffIsTheStartOfAUtcDaySoWholeDaysLeave() {
        // one second before and after midnight UTC give the cutoffs of two different days
        assertThat(RetentionRule.cutoff(1, 0, Instant.parse("2026-12-01T23:59:59Z")))
                .contains(Instant.parse("2026-11-30T00:00:00Z"));
        assertThat(RetentionRule.cutoff(1, 0, Instant.parse("2026-12-02T00:00:01Z")))
                .contains(Instant.parse("2026-12-01T00:00:00Z"));
    }

    @Test
    void aNegativeGlobalPeriodKeepsForeverAndTooLongIsCapped() {
        assertThat(RetentionRule.cutoff(null, -5, NOW)).isEmpty();
        assertThat(RetentionRule.effectiveDays(null, 1_000_000)).isEqualTo(RetentionRule.MAX_DAYS);
    }

    @Test
    void boardSettingsAreNullOrZeroToTheMaximum() {
        assertThat(RetentionRule.isValid(null)).isTrue();
        assertThat(RetentionRule.isValid(0)).isTrue();
        assertThat(RetentionRule.isValid(RetentionRule.MAX_DAYS)).isTrue();
        assertThat(RetentionRule.isValid(-1)).isFalse();
        assertThat(RetentionRule.isValid(RetentionRule.MAX_DAYS + 1)).isFalse();
    }
}
