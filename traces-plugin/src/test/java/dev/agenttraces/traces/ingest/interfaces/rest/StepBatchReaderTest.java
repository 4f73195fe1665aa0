package dev.agenttraces.traces.ingest.interfaces.rest;

import dev.agenttraces.traces.shared.Rejection;
import dev.agenttraces.traces.ingest.domain.StepBatch;
import dev.agenttraces.traces.trace.domain.StepType;
import jakarta.json.JsonException;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StepBatchReaderTest {

    private static InputStream in(String json) {
        return new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8));
    }

    private static final String STEP = "{\"seq\":1,\"type\":\"tool_call\",\"toolInput\":{\"q\":1},\"inputTokens\":100,"
            + "\"cachedInputTokens\":30,\"startedAt\":\"2026-01-01T00:00:00Z\"}";

    @Test
    void normalisesInputThatIncludesCachedTokens() {
        StepBatch batch = StepBatchReader.read(in("{\"steps\":[" + STEP + "],\"inputIncludesCached\":true}"));
        var step = batch.items().get(0).step();
        assertThat(step.type()).isEqualTo(StepType.TOOL_CALL);
        assertThat(step.tokens().input()).isEqualTo(70);
        assertThat(step.tokens().cachedInput()).isEqualTo(30);
        assertThat(step.toolInput()).isEqualTo("{\"q\":1}");
    }

    @Test
    void sameStepUnderBothConventionsHashesTheSame() {
        var including = StepBatchReader.read(in("{\"inputIncludesCached\":true,\"steps\":[" + STEP + "]}")).items().get(0).step();
        var excluding = StepBatchReader.read(in("{\"steps\":[" + STEP.replace("100", "70") + "]}")).items().get(0).step();
        assertThat(including.contentHash()).isEqualTo(excluding.contentHash());
        var other = StepBatchReader.read(in("{\"steps\":[" + STEP.replace("100", "71") + "]}")).items().get(0).step();
        assertThat(other.contentHash()).isNotEqualTo(excluding.contentHash());
    }

    @Test
    void refusesBadItemsByFieldAndKeepsTheGoodOnes() {
        StepBatch batch = StepBatchReader.read(in("{\"steps\":[" + STEP + ", 7, "
                + STEP.replace("\"tool_call\"", "\"nap\"") + ", " + STEP.replace("100", "-1") + "]}"));
        assertThat(batch.items().get(0).step()).isNotNull();
        assertThat(batch.items().get(1).rejected().field()).isEqualTo("steps[1]");
        assertThat(batch.items().get(2).rejected().field()).isEqualTo("steps[2].type");
        assertThat(batch.items().get(3).rejected().field()).isEqualTo("steps[3].inputTokens");
        assertThat(batch.items().get(3).rejected().seq()).isEqualTo(1);
    }

    @Test
    void refusesMalformedBodiesAndEnvelopes() {
        assertThatThrownBy(() -> StepBatchReader.read(in("{\"steps\":[" + STEP))).isInstanceOf(JsonException.class);
        assertThatThrownBy(() -> StepBatchReader.read(in("[]"))).isInstanceOf(Rejection.class);
        assertThatThrownBy(() -> StepBatchReader.read(in("{\"steps\":{}}")))
                .isInstanceOfSatisfying(Rejection.class, r -> assertThat(r.field()).isEqualTo("steps"));
    }

    @Test
    void stopsReadingPastTheSizeLimit() {
        String big = "{\"steps\":[" + STEP.replace("\"seq\":1", "\"content\":\"" + "x".repeat(5000) + "\",\"seq\":1") + "]}";
        assertThatThrownBy(() -> StepBatchReader.read(new LimitedInputStream(in(big), 1000)))
                .satisfies(e -> assertThat(PayloadTooLarge.in(e)).isNotNull());
    }
}
