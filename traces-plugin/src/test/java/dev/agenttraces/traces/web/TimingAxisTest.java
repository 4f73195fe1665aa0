package dev.agenttraces.traces.web;

import dev.agenttraces.traces.trace.domain.StepRow;
import dev.agenttraces.traces.trace.domain.StepType;
import dev.agenttraces.traces.trace.domain.TokenCounts;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class TimingAxisTest {

    private static final Instant T0 = Instant.parse("2026-01-01T10:00:00Z");
    private static final TimingAxis AXIS = new TimingAxis(T0, 100_000);

    private static StepRow step(int seq, long offsetMs, Long durationMs) {
        return new StepRow(seq, StepType.TOOL_CALL, "run_tests", "", TokenCounts.NONE, null, durationMs,
                T0.plusMillis(offsetMs), null, null, 0);
    }

    @Test
    void placesABarAtItsOffsetAsWideAsItsDuration() {
        TimingAxis.Bar bar = AXIS.bar(step(1, 25_000, 50_000L), null);
        assertThat(bar.left()).isCloseTo(25.0, within(1e-9));
        assertThat(bar.width()).isCloseTo(50.0, within(1e-9));
        assertThat(bar.longStep()).isTrue();
        assertThat(bar.clamped()).isFalse();
        assertThat(bar.style()).isEqualTo("left: 25.000%; width: 50.000%");
        assertThat(AXIS.bar(step(2, 1_000, 200L), null).longStep()).isFalse();
    }

    @Test
    void drawsAnIdleGapSinceTheStepAboveOnlyWhenItMatters() {
        StepRow above = step(1, 0, 10_000L);
        TimingAxis.Bar after = AXIS.bar(step(2, 40_000, 1_000L), above);
        assertThat(after.gapMs()).isEqualTo(30_000);
        assertThat(after.gapLeft()).isCloseTo(10.0, within(1e-9));
        assertThat(after.gapWidth()).isCloseTo(30.0, within(1e-9));
        assertThat(after.title()).contains("+40.0 s", "30.0 s idle");
        assertThat(AXIS.bar(step(3, 10_500, 100L), above).gapMs()).as("500 ms: below the 1 s floor").isZero();
        assertThat(AXIS.bar(step(4, 11_500, 100L), above).gapMs()).as("1.5 s of 100 s: below 2 %").isZero();
        assertThat(AXIS.bar(step(5, 2_000, 100L), above).gapMs()).as("inside the step above (its child)").isZero();
    }

    @Test
    void clampsStepsOutsideTheTraceAndToleratesMissingDurations() {
        TimingAxis.Bar late = AXIS.bar(step(1, 90_000, 50_000L), null);
        assertThat(late.left() + late.width()).isCloseTo(100.0, within(1e-9));
        assertThat(late.clamped()).isTrue();
        TimingAxis.Bar early = AXIS.bar(step(2, -5_000, null), null);
        assertThat(early.left()).isZero();
        assertThat(early.width()).isZero();
        assertThat(early.clamped()).isTrue();
        assertThat(early.title()).contains("takes –");
    }

    @Test
    void ticksSplitTheAxisInQuarters() {
        assertThat(AXIS.ticks()).extracting(TimingAxis.Tick::label)
                .containsExactly("0", "+25.0 s", "+50.0 s", "+1m 15s", "+1m 40s");
        assertThat(AXIS.ticks().get(4).style()).isEqualTo("left: 100.000%");
    }
}
