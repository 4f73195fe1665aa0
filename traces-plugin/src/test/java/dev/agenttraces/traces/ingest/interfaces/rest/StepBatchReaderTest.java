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
    void readsCacheWritesAndAParentAndKeepsFlatStepsHashingAsBefore() {
        String child = STEP.replace("\"seq\":1", "\"seq\":5").replace("Z\"}", "Z\",\"parentSeq\":2,\"cacheCreationInputTokens\":20}");
        var step = StepBatchReader.read(in("{\"inputIncludesCached\":true,\"steps\":[" + child + "]}")).items().get(0).step();
        assertThat(step.parentSeq()).isEqualTo(2);
        assertThat(step.tokens().input()).as("100 includes 30 cache reads and 20 writes").isEqualTo(50);
        assertThat(step.tokens().cacheCreation()).isEqualTo(20);
        var flat = StepBatchReader.read(in("{\"steps\":[" + STEP + "]}")).items().get(0).step();
        assertThat(flat.contentHash()).as("the hash a flat step had before step trees")
                .isEqualTo(new dev.agenttraces.traces.trace.domain.StepInput(1, StepType.TOOL_CALL, null, null, "{\"q\":1}",
                        null, null, new dev.agenttraces.traces.trace.domain.TokenCounts(100, 0, 30, 0),
                        java.time.Instant.parse("2026-01-01T00:00:00Z"), null).contentHash());
    }

    @Test
    void refusesAParentThatIsNotAnEarlierStep() {
        StepBatch batch = StepBatchReader.read(in("{\"steps\":[" + STEP.replace("Z\"}", "Z\",\"parentSeq\":1}") + ", "
                + STEP.replace("Z\"}", "Z\",\"parentSeq\":-1}") + "]}"));
        assertThat(batch.items().get(0).rejected().field()).isEqualTo("steps[0].parentSeq");
        assertThat(batch.items().get(0).rejected().reason()).contains("lower than seq");
        assertThat(batch.items().get(1).rejected().field()).isEqualTo("steps[1].parentSeq");
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

    @Test
    void everyStepFieldHasItsOwnSlotAndUnknownFieldsAreSkippedWithinTheDepthLimit() {
        for (int i = 0; i < StepFields.KEYS.length; i++) {
            assertThat(StepFields.slot(StepFields.KEYS[i])).as(StepFields.KEYS[i]).isEqualTo(i);
        }
        assertThat(StepFields.slot("extra")).isEqualTo(-1);
        String extra = STEP.replace("{\"seq\":1,", "{\"extra\":{\"a\":[1,{\"b\":2}]},\"seq\":1,\"seq\":3,");
        var step = StepBatchReader.read(in("{\"steps\":[" + extra + "]}")).items().get(0).step();
        assertThat(step.seq()).as("a repeated key keeps its last value, as in a JSON object").isEqualTo(3);
        String deep = STEP.replace("{\"seq\":1,", "{\"extra\":" + "[".repeat(80) + "]".repeat(80) + ",\"seq\":1,");
        assertThatThrownBy(() -> StepBatchReader.read(in("{\"steps\":[" + deep + "]}")))
                .isInstanceOf(Rejection.class).hasMessageContaining("nested deeper");
    }
}
