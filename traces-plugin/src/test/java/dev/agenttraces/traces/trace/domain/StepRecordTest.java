package dev.agenttraces.traces.trace.domain;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class StepRecordTest {

    private static StepRecord record(String content, String output) {
        return new StepRecord(1, StepType.TOOL_RESULT, content, "t", null, output, null, TokenCounts.NONE, null,
                Instant.EPOCH, null, null, null, null);
    }

    @Test
    void exportTextIsCutToTheLimitAndSaysSo() {
        StepRecord read = record("x".repeat(StepRecord.TEXT_LIMIT + 1), "short");
        assertThat(read.truncated()).containsExactly("content");
        assertThat(read.cut().content()).hasSize(StepRecord.TEXT_LIMIT);
        assertThat(read.cut().toolOutput()).isEqualTo("short");
    }

    @Test
    void textAtTheLimitIsWhole() {
        StepRecord read = record("x".repeat(StepRecord.TEXT_LIMIT), null);
        assertThat(read.truncated()).isEmpty();
        assertThat(read.cut().content()).hasSize(StepRecord.TEXT_LIMIT);
    }
}
