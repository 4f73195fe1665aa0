package dev.agenttraces.traces.review.domain;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class CostMedianTest {

    private static List<BigDecimal> usd(String... values) {
        return java.util.Arrays.stream(values).map(BigDecimal::new).toList();
    }

    @Test
    void theMiddleOfAnOddCountWhateverTheOrder() {
        assertThat(CostMedian.of(usd("0.30", "0.10", "9.00"))).isEqualByComparingTo("0.30");
    }

    @Test
    void theMeanOfTheMiddleTwoOfAnEvenCount() {
        assertThat(CostMedian.of(usd("0.10", "0.20", "0.40", "100"))).isEqualByComparingTo("0.30");
    }

    @Test
    void noSimilarTasksNoMedian() {
        assertThat(CostMedian.of(List.of())).isNull();
        assertThat(CostMedian.percentOf(BigDecimal.ONE, null)).isNull();
        assertThat(CostMedian.percentOf(BigDecimal.ONE, BigDecimal.ZERO)).isNull();
    }

    @Test
    void percentOfTheMedianIsRoundedToWholePercent() {
        assertThat(CostMedian.percentOf(new BigDecimal("0.0315"), new BigDecimal("0.0105"))).isEqualTo(300);
        assertThat(CostMedian.percentOf(new BigDecimal("0.005"), new BigDecimal("0.0105"))).isEqualTo(48);
    }
}
