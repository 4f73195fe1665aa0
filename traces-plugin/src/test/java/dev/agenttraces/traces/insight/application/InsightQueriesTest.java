package dev.agenttraces.traces.insight.application;

import dev.agenttraces.traces.insight.domain.CostShare;
import dev.agenttraces.traces.insight.domain.InsightSettings;
import dev.agenttraces.traces.trace.domain.TokenCounts;
import dev.agenttraces.traces.trace.domain.TraceStatus;
import dev.agenttraces.traces.trace.domain.TraceSummary;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A trace's cost shares read its every step, and every new view of the task panel asks for them: they are read
 * once per version of the trace (its step count, cost and unpriced steps), so reopening a 200,000-step trace
 * reads nothing more, while a new step or a recompute of its prices is seen at once.
 */
class InsightQueriesTest {

    private final TraceFlaggingTest.MemoryStore store = new TraceFlaggingTest.MemoryStore();
    private final InsightQueries queries = queries();
    private final UUID id = UUID.randomUUID();

    private InsightQueries queries() {
        TraceFlagging flagging = new TraceFlagging();
        flagging.store = store;
        flagging.config = new InsightConfig() {
            @Override
            public InsightSettings settings() {
                return InsightSettings.defaults();
            }
        };
        InsightQueries q = new InsightQueries();
        q.store = store;
        q.flagging = flagging;
        return q;
    }

    private TraceSummary trace(int steps, String cost, int unpriced) {
        return new TraceSummary(id, 1, "t", 2, "a", "m", TraceStatus.COMPLETED, "m", "p", Instant.EPOCH, null, null,
                null, steps, 0, TokenCounts.NONE, new BigDecimal(cost), unpriced);
    }

    @Test
    void aTracesCostSharesAreReadOncePerVersionOfTheTrace() {
        InsightQueries.TraceFlags first = queries.flags(trace(0, "0.040", 0)).orElseThrow();
        assertThat(first.shares().byTool()).extracting(CostShare::key).containsExactly("read_file", CostShare.NONE);
        assertThat(first.shares().byTool()).extracting(CostShare::share)
                .containsExactly(new BigDecimal("0.7500"), new BigDecimal("0.2500"));
        queries.flags(trace(0, "0.04", 0));
        assertThat(store.shareReads).as("the same trace, the same cost written another way").isEqualTo(1);

        queries.flags(trace(0, "0.05", 0));
        assertThat(store.shareReads).as("a recompute changed its cost").isEqualTo(2);
        queries.flags(trace(0, "0.05", 1));
        assertThat(store.shareReads).as("a step is now unpriced").isEqualTo(3);
        queries.flags(trace(0, "0.05", 1));
        assertThat(store.shareReads).isEqualTo(3);
    }
}
