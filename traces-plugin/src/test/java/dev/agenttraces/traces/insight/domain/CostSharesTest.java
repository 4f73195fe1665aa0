package dev.agenttraces.traces.insight.domain;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

class CostSharesTest {

    private static BigDecimal sum(List<CostShare> shares, java.util.function.Function<CostShare, BigDecimal> part) {
        return shares.stream().map(part).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    @Test
    void sharesOfEachDimensionAddUpToExactlyOne() {
        var script = new StepScript()
                .reason("a", "1").call("read", "{}", "1").result("read", "x", "1")
                .call("grep", "{}", "1").call("edit", "{}", "1").call("edit", "{\"b\":1}", "1");
        var insights = InsightAccumulator.analyse(script.steps(), InsightSettings.defaults());
        CostShares shares = insights.shares();
        assertThat(insights.totalCostUsd()).isEqualByComparingTo("6");
        for (List<CostShare> dimension : List.of(shares.byTool(), shares.byKind(), shares.byModel())) {
            assertThat(sum(dimension, CostShare::share)).isEqualByComparingTo("1");
            assertThat(sum(dimension, CostShare::costUsd)).isEqualByComparingTo(insights.totalCostUsd());
        }
        // 2/6, 2/6, 1/6, 1/6: rounded down 3333+3333+1666+1666 = 9998 units; the two missing go to the largest remainders (0.67 > 0.33)
        assertThat(shares.byTool()).extracting(CostShare::key, s -> s.share().toPlainString())
                .containsExactly(tuple("edit", "0.3333"), tuple("read", "0.3333"), tuple("(none)", "0.1667"), tuple("grep", "0.1667"));
        assertThat(shares.byKind()).extracting(CostShare::key).containsExactly("tool_call", "reasoning", "tool_result");
        assertThat(shares.byModel()).extracting(CostShare::key, CostShare::costUsd)
                .containsExactly(tuple("(none)", new BigDecimal("5")), tuple("model-a", new BigDecimal("1")));
    }

    @Test
    void sharesOfThirdsStillAddUpToOne() {
        var buckets = new java.util.HashMap<String, BigDecimal>();
        buckets.put("a", new BigDecimal("0.000001"));
        buckets.put("b", new BigDecimal("0.000001"));
        buckets.put("c", new BigDecimal("0.000001"));
        List<CostShare> shares = CostShares.of(buckets, new BigDecimal("0.000003"));
        assertThat(shares).extracting(s -> s.share().toPlainString()).containsExactly("0.3334", "0.3333", "0.3333");
    }

    @Test
    void nothingPricedMeansZeroSharesAndCountsTheUnpriced() {
        var insights = InsightAccumulator.analyse(new StepScript().call("read", "{}").result("read", "x").steps(),
                InsightSettings.defaults());
        assertThat(insights.unpricedSteps()).isEqualTo(2);
        assertThat(insights.totalCostUsd()).isEqualByComparingTo("0");
        assertThat(insights.shares().byTool()).extracting(CostShare::share).containsOnly(new BigDecimal("0.0000"));
        assertThat(insights.topSteps()).isEmpty();
    }

    @Test
    void keepsTheMostExpensiveStepsMostExpensiveFirst() {
        var script = new StepScript();
        String[] costs = {"0.5", "2", "0.1", "3", "2", "0.7"};
        for (String cost : costs) {
            script.reason("r" + cost, cost);
        }
        var insights = InsightAccumulator.analyse(script.steps(), InsightSettings.defaults().withTopSteps(3));
        assertThat(insights.topSteps()).extracting(CostlyStep::seq).containsExactly(4, 2, 5);
        assertThat(insights.flagsOf(4)).containsExactly(StepFlag.TOP_COST);
        assertThat(insights.flagsOf(6)).isEmpty();
    }
}
