package dev.agenttraces.traces.trace.infrastructure;

import org.junit.jupiter.api.Test;

import java.time.YearMonth;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The monthly partitions' names: the upkeep reads a partition's month from its name to decide whether it is past,
 * so the name it builds must be the one V97's function builds and read back to the same month; the default
 * partition and any other table are never taken for a month.
 */
class StepPartitionMaintenanceTest {

    @Test
    void namesAMonthAsTheMigrationDoesAndReadsItBack() {
        assertThat(StepPartitionMaintenance.name(YearMonth.of(2026, 3))).isEqualTo("trace_step_2026_03");
        assertThat(StepPartitionMaintenance.name(YearMonth.of(2027, 12))).isEqualTo("trace_step_2027_12");
        for (YearMonth m = YearMonth.of(2025, 11); m.isBefore(YearMonth.of(2027, 3)); m = m.plusMonths(1)) {
            assertThat(StepPartitionMaintenance.month(StepPartitionMaintenance.name(m))).contains(m);
        }
    }

    @Test
    void takesNoOtherTableForAMonth() {
        assertThat(StepPartitionMaintenance.month("trace_step_default")).isEmpty();
        assertThat(StepPartitionMaintenance.month("trace_step_flag")).isEmpty();
        assertThat(StepPartitionMaintenance.month("trace_step_2026_1")).isEmpty();
        assertThat(StepPartitionMaintenance.month("trace_step_2026_12; drop table trace")).isEmpty();
    }
}
