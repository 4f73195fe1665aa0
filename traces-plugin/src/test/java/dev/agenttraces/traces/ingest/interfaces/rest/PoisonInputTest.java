package dev.agenttraces.traces.ingest.interfaces.rest;

import dev.agenttraces.traces.ingest.domain.StepBatch;
import dev.agenttraces.traces.shared.Rejection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Input that used to fail a whole batch with a 500 (issue 9, finding 3 and 7) is refused per item or with a 4xx. */
class PoisonInputTest {

    private static InputStream in(String json) {
        return new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8));
    }

    private static String step(int seq, String extra) {
        return "{\"seq\":" + seq + ",\"type\":\"reasoning\",\"startedAt\":\"2026-01-01T00:00:00Z\"" + extra + "}";
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            ",\"content\":\"a\\u0000b\"                | steps[1].content",
            ",\"content\":\"lone \\ud800 high\"        | steps[1].content",
            ",\"content\":\"lone \\udc00 low\"         | steps[1].content",
            ",\"toolName\":\"t\\u0000\"                | steps[1].toolName",
            ",\"model\":\"\\ud800\"                    | steps[1].model",
            ",\"toolInput\":\"\\u0000\"                | steps[1].toolInput",
            ",\"toolInput\":{\"k\":\"\\ud800\"}        | steps[1].toolInput",
            ",\"toolOutput\":[\"\\udfff\"]             | steps[1].toolOutput",
            ",\"startedAt\":\"+1000000000-01-01T00:00:00Z\" | steps[1].startedAt"})
    void unstorableTextRefusesOnlyItsItem(String extra, String field) {
        StepBatch batch = StepBatchReader.read(in("{\"steps\":[" + step(1, "") + "," + step(2, extra) + "]}"));
        assertThat(batch.items().get(0).step()).isNotNull();
        assertThat(batch.items().get(1).rejected()).isNotNull();
        assertThat(batch.items().get(1).rejected().field()).isEqualTo(field);
    }

    @Test
    void aValidSurrogatePairIsStored() {
        StepBatch batch = StepBatchReader.read(in("{\"steps\":[" + step(1, ",\"content\":\"\\ud83d\\ude00\"") + "]}"));
        assertThat(batch.items().get(0).step().content()).isEqualTo("\uD83D\uDE00");
    }

    @Test
    void nulInsideSerialisedJsonIsEscapedAndStorable() {
        StepBatch batch = StepBatchReader.read(in("{\"steps\":[" + step(1, ",\"toolInput\":{\"k\":\"\\u0000\"}") + "]}"));
        assertThat(batch.items().get(0).step().toolInput()).isEqualTo("{\"k\":\"\\u0000\"}");
    }

    @Test
    @Timeout(10)
    void deepNestingIsA400NotAStackOverflow() {
        String deep = "[".repeat(100_000) + "]".repeat(100_000);
        assertThatThrownBy(() -> StepBatchReader.read(in("{\"steps\":[" + step(1, ",\"toolInput\":" + deep) + "]}")))
                .isInstanceOfSatisfying(Rejection.class, r -> {
                    assertThat(r.kind()).isEqualTo(Rejection.Kind.INVALID);
                    assertThat(r.field()).isEqualTo("steps[0]");
                });
        assertThatThrownBy(() -> StepBatchReader.read(in("{\"other\":" + deep + ",\"steps\":[]}")))
                .isInstanceOfSatisfying(Rejection.class, r -> assertThat(r.field()).isEqualTo("other"));
    }

    @Test
    void nestingUpToTheLimitIsAccepted() {
        String nested = "[".repeat(60) + "]".repeat(60);
        StepBatch batch = StepBatchReader.read(in("{\"steps\":[" + step(1, ",\"toolInput\":" + nested) + "]}"));
        assertThat(batch.items().get(0).step().toolInput()).isEqualTo(nested);
    }

    @Test
    @Timeout(10)
    void eightMebibytesOfZerosAreRefusedPastTheItemCap() {
        StringBuilder body = new StringBuilder(8 << 20).append("{\"steps\":[0");
        while (body.length() < (8 << 20) - 4) {
            body.append(",0");
        }
        body.append("]}");
        assertThatThrownBy(() -> StepBatchReader.read(in(body.toString())))
                .isInstanceOfSatisfying(Rejection.class, r -> {
                    assertThat(r.kind()).isEqualTo(Rejection.Kind.TOO_LARGE);
                    assertThat(r.field()).isEqualTo("steps");
                });
    }

    @Test
    void theItemCapIsExact() {
        String two = "{\"steps\":[" + step(1, "") + "," + step(2, "") + "]}";
        assertThat(StepBatchReader.read(in(two), 2, 64).items()).hasSize(2);
        assertThatThrownBy(() -> StepBatchReader.read(in(two), 1, 64)).isInstanceOf(Rejection.class);
    }
}
