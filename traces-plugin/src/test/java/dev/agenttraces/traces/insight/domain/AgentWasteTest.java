package dev.agenttraces.traces.insight.domain;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class AgentWasteTest {

    private static final LocalDate FIRST = LocalDate.of(2026, 11, 1);

    private static WasteRow row(int day, long task, int loops, int redundant, String waste, String cost) {
        return new WasteRow(FIRST.plusDays(day).atStartOfDay(ZoneOffset.UTC).toInstant().plusSeconds(60), task, "Task " + task,
                UUID.randomUUID(), loops, redundant, new BigDecimal(waste), new BigDecimal(cost));
    }

    @Test
    void frequenciesWasteTrendAndWorstTasks() {
        WasteRow worstOfTask2 = row(20, 2, 2, 0, "0.30", "1.00");
        AgentWaste w = AgentWaste.of(List.of(row(1, 1, 1, 0, "0.10", "1.00"), row(2, 1, 0, 1, "0.00", "1.00"),
                row(16, 2, 0, 1, "0.05", "1.00"), worstOfTask2, row(25, 3, 0, 0, "0", "1.00")), FIRST, 30, 5);
        assertThat(w.traces()).isEqualTo(5);
        assertThat(w.loopedTraces()).isEqualTo(2);
        assertThat(w.redundantTraces()).isEqualTo(2);
        assertThat(w.loopedPercent()).isEqualTo(40);
        assertThat(w.wasteCostUsd()).isEqualByComparingTo("0.45");
        assertThat(w.wastePercent()).isEqualTo(9);
        assertThat(w.trendPercent()).isEqualTo(250); // 0.10 in days 0-14, 0.35 in days 15-29
        assertThat(w.worstTasks()).extracting(AgentWaste.WorstTask::taskId).containsExactly(2L, 1L);
        assertThat(w.worstTasks().get(0).worstTrace()).isEqualTo(worstOfTask2.traceId());
        assertThat(w.worstTasks().get(0).wasteCostUsd()).isEqualByComparingTo("0.35");
    }

    @Test
    void noTracesNoTrendNoWorst() {
        AgentWaste w = AgentWaste.of(List.of(), FIRST, 30, 5);
        assertThat(w.traces()).isZero();
        assertThat(w.trendPercent()).isNull();
        assertThat(w.worstTasks()).isEmpty();
        assertThat(w.loopedPercent()).isZero();
        assertThat(w.wastePercent()).isZero();
    }
}
