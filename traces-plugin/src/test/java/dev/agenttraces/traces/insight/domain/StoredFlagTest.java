package dev.agenttraces.traces.insight.domain;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The flags stored beside steps say the same as the insights they come from. */
class StoredFlagTest {

    @Test
    void oneRowPerRedundantCallLoopRetryAndPricedCostlyStep() {
        StepScript script = new StepScript().reason("Start.", "0.50");
        for (int i = 1; i <= 3; i++) {
            script.reason("The build still fails, so let me read the configuration file again, attempt " + i, "0.10")
                    .call("read_file", "{\"path\":\"config.yml\"}").result("read_file", "port: 8080");
        }
        script.call("fetch", "{\"u\":1}").error("timeout").call("fetch", "{\"u\":1}").result("fetch", "ok");
        TraceInsights insights = script.analyse();
        List<StoredFlag> flags = StoredFlag.of(insights);

        assertThat(flags).filteredOn(f -> f.flag() == StepFlag.REDUNDANT).hasSize(insights.redundantCount())
                .allSatisfy(f -> assertThat(f.endSeq()).isEqualTo(f.seq()));
        assertThat(flags).filteredOn(f -> f.flag() == StepFlag.LOOP).singleElement().satisfies(f -> {
            assertThat(f.seq()).isEqualTo(2);
            assertThat(f.endSeq()).isEqualTo(10);
            assertThat(f.repetitions()).isEqualTo(3);
            assertThat(f.covers(6)).isTrue();
            assertThat(f.covers(11)).isFalse();
            assertThat(f.costUsd()).isEqualByComparingTo("0.20");
        });
        assertThat(flags).filteredOn(f -> f.flag() == StepFlag.RETRY).singleElement().satisfies(f -> {
            assertThat(f.seq()).isEqualTo(13);
            assertThat(f.refSeq()).isEqualTo(11);
            assertThat(f.repetitions()).isEqualTo(1);
        });
        // unpriced and zero-cost steps are never "most expensive"
        assertThat(flags).filteredOn(f -> f.flag() == StepFlag.TOP_COST).extracting(StoredFlag::seq)
                .containsExactlyInAnyOrder(1, 2, 5, 8);
        assertThat(FlagTotals.of(insights, java.time.Instant.EPOCH).hasFlags()).isTrue();
    }
}
