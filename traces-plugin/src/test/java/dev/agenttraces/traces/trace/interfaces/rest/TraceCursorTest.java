package dev.agenttraces.traces.trace.interfaces.rest;

import dev.agenttraces.traces.shared.Rejection;
import dev.agenttraces.traces.trace.domain.TraceKey;
import dev.agenttraces.traces.trace.domain.TraceSort;
import dev.agenttraces.traces.trace.domain.TraceStatus;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TraceCursorTest {

    static final UUID ID = UUID.fromString("0b6c3f2e-6f0e-4a53-9a39-3c1f2e8f0a11");

    @Test
    void everyKeyTypeComesBackAsItWasIssued() {
        Object[][] keys = {{TraceSort.STARTED_AT, Instant.parse("2026-01-10T03:00:00Z")},
                {TraceSort.COST_USD, new BigDecimal("0.5")}, {TraceSort.WASTE, null}, {TraceSort.DURATION_MS, 42_000L},
                {TraceSort.DURATION_MS, null}, {TraceSort.STEP_COUNT, 7}, {TraceSort.STATUS, TraceStatus.FAILED}};
        for (Object[] k : keys) {
            TraceSort sort = (TraceSort) k[0];
            String cursor = TraceCursor.encode(sort, false, new TraceKey(k[1], ID));
            assertThat(cursor).matches("[A-Za-z0-9_-]+");
            assertThat(TraceCursor.decode(cursor, sort, false)).isEqualTo(new TraceKey(k[1], ID));
        }
    }

    @Test
    void aCursorOfAnotherSortOrderOrShapeIsRefusedNamingTheCursor() {
        String cost = TraceCursor.encode(TraceSort.COST_USD, true, new TraceKey(BigDecimal.ONE, ID));
        for (Runnable bad : new Runnable[] {
                () -> TraceCursor.decode(cost, TraceSort.COST_USD, false),
                () -> TraceCursor.decode(cost, TraceSort.STARTED_AT, true),
                () -> TraceCursor.decode("%%%", TraceSort.COST_USD, true),
                () -> TraceCursor.decode(cost.substring(0, cost.length() - 4), TraceSort.COST_USD, true),
                () -> TraceCursor.decode(TraceCursor.encode(TraceSort.STEP_COUNT, true, new TraceKey(null, ID)),
                        TraceSort.STEP_COUNT, true),
                () -> TraceCursor.decode("a".repeat(401), TraceSort.COST_USD, true)}) {
            assertThatThrownBy(bad::run).isInstanceOfSatisfying(Rejection.class, r -> assertThat(r.field()).isEqualTo("cursor"));
        }
    }
}
