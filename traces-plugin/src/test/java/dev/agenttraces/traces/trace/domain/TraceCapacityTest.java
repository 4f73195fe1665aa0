package dev.agenttraces.traces.trace.domain;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class TraceCapacityTest {

    private static PricedStep step(long input, long output, BigDecimal cost) {
        StepInput s = new StepInput(1, StepType.REASONING, null, null, null, null, null,
                new TokenCounts(input, output, 0, 0), Instant.EPOCH, null);
        return new PricedStep(s, null, cost, "h");
    }

    @Test
    void twoStepsOfFiveExaTokensDoNotWrapTheTotal() {
        TraceCapacity capacity = new TraceCapacity(TokenCounts.NONE, BigDecimal.ZERO);
        assertThat(capacity.take(step(5_000_000_000_000_000_000L, 0, null))).isNull();
        TraceCapacity.Overflow second = capacity.take(step(5_000_000_000_000_000_000L, 0, null));
        assertThat(second).isNotNull();
        assertThat(second.field()).isEqualTo("inputTokens");
        assertThat(capacity.take(step(10, 0, null))).as("a small step still fits").isNull();
    }

    @Test
    void aStepWhoseOwnCountsOverflowTheirSumIsRefused() {
        TraceCapacity capacity = new TraceCapacity(TokenCounts.NONE, BigDecimal.ZERO);
        TraceCapacity.Overflow o = capacity.take(step(Long.MAX_VALUE, 1, null));
        assertThat(o).isNotNull();
        assertThat(o.field()).isEqualTo("inputTokens");
    }

    @Test
    void aCostTheColumnCannotHoldIsRefused() {
        TraceCapacity capacity = new TraceCapacity(TokenCounts.NONE, new BigDecimal("999999999999"));
        assertThat(capacity.take(step(1, 0, new BigDecimal("0.5")))).isNull();
        assertThat(capacity.take(step(1, 2, new BigDecimal("0.5")))).extracting(TraceCapacity.Overflow::field)
                .isEqualTo("outputTokens");
    }

    @Test
    void aSpansStepsAreTakenAllOrNone() {
        TraceCapacity capacity = new TraceCapacity(new TokenCounts(Long.MAX_VALUE - 10, 0, 0, 0), BigDecimal.ZERO);
        assertThat(capacity.takeAll(List.of(step(5, 0, null), step(6, 0, null)))).isNotNull();
        assertThat(capacity.takeAll(List.of(step(5, 0, null), step(5, 0, null)))).as("nothing of the refused one was taken")
                .isNull();
        assertThat(capacity.take(step(1, 0, null))).isNotNull();
    }

    @Test
    void aReplacementGivesBackWhatTheReplacedStepsHeldAndKeepsItWhenRefused() {
        TokenCounts held = new TokenCounts(5_000_000_000_000_000_000L, 0, 0, 0);
        TraceCapacity capacity = new TraceCapacity(new TokenCounts(8_000_000_000_000_000_000L, 0, 0, 0),
                new BigDecimal("900000000000"));
        assertThat(capacity.replace(held, new BigDecimal("800000000000"),
                List.of(step(6_000_000_000_000_000_000L, 0, new BigDecimal("850000000000"))))).isNull();
        // now 9e18 tokens and $950bn: the replaced span holds 6e18 and $850bn
        TokenCounts nowHeld = new TokenCounts(6_000_000_000_000_000_000L, 0, 0, 0);
        assertThat(capacity.replace(nowHeld, new BigDecimal("850000000000"),
                List.of(step(7_000_000_000_000_000_000L, 0, null)))).extracting(TraceCapacity.Overflow::reason)
                .asString().contains("token total");
        assertThat(capacity.replace(nowHeld, new BigDecimal("850000000000"),
                List.of(step(1, 0, new BigDecimal("950000000000"))))).extracting(TraceCapacity.Overflow::reason)
                .asString().contains("cost would reach");
        assertThat(capacity.take(step(200_000_000_000_000_000L, 0, new BigDecimal("49999999999"))))
                .as("the refusals took nothing: 9e18 and $950bn are still held").isNull();
    }
}
