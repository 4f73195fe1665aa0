package dev.agenttraces.traces.trace.domain;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TokenCountsTest {

    @Test
    void theTotalCountsReasoningTokensWhichAreNotPartOfOutput() {
        assertThat(new TokenCounts(100, 20, 50, 7).total()).isEqualTo(177);
    }

    @Test
    void sumsRefuseToOverflowInsteadOfWrappingAround() {
        TokenCounts big = new TokenCounts(5_000_000_000_000_000_000L, 0, 0, 0);
        assertThatThrownBy(() -> big.plus(big)).isInstanceOf(ArithmeticException.class);
    }

    @Test
    void negativeCountsAreRefused() {
        assertThatThrownBy(() -> new TokenCounts(-1, 0, 0, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
