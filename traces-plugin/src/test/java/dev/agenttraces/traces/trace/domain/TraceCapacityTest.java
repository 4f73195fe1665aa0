package dev.agenttraces.traces.trace.domain;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;

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
}
