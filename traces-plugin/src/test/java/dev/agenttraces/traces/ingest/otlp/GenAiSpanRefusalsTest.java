package dev.agenttraces.traces.ingest.otlp;

import com.google.protobuf.ByteString;
import io.opentelemetry.proto.trace.v1.Status;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static dev.agenttraces.traces.ingest.otlp.OtlpFixtures.CHILD;
import static dev.agenttraces.traces.ingest.otlp.OtlpFixtures.ROOT;
import static dev.agenttraces.traces.ingest.otlp.OtlpFixtures.TRACE;
import static dev.agenttraces.traces.ingest.otlp.OtlpFixtures.accepted;
import static dev.agenttraces.traces.ingest.otlp.OtlpFixtures.attr;
import static dev.agenttraces.traces.ingest.otlp.OtlpFixtures.event;
import static dev.agenttraces.traces.ingest.otlp.OtlpFixtures.map;
import static dev.agenttraces.traces.ingest.otlp.OtlpFixtures.refusal;
import static dev.agenttraces.traces.ingest.otlp.OtlpFixtures.span;
import static org.assertj.core.api.Assertions.assertThat;

/** Per-span refusals (and what is still accepted), and how failures are reported. */
class GenAiSpanRefusalsTest {

    private static final List<io.opentelemetry.proto.common.v1.KeyValue> NO_RESOURCE = List.of();

    @Test
    void spanWithoutTaskOrAgentIsRefusedWithAHint() {
        assertThat(refusal(NO_RESOURCE, span(ROOT, null)))
                .isEqualTo("span " + ROOT + " has no taskboard.task.id nor taskboard.agent.id;"
                        + " set it on the resource (e.g. OTEL_RESOURCE_ATTRIBUTES) or on the span.");
        assertThat(refusal(NO_RESOURCE, span(ROOT, null, attr("taskboard.task.id", 7))))
                .startsWith("span " + ROOT + " has no taskboard.agent.id;");
        GenAiSpans onSpan = new GenAiSpanMapper().map(OtlpFixtures.request(NO_RESOURCE,
                span(ROOT, null, attr("taskboard.task.id", 7), attr("taskboard.agent.id", "3"))));
        assertThat(onSpan.spans()).singleElement().extracting(GenAiSpan::agentId).isEqualTo(3L);
    }

    @Test
    void nonNumericOverflowingAndNonPositiveIdsAreRefused() {
        assertThat(refusal(span(ROOT, null, attr("taskboard.task.id", "task-7"))))
                .contains("taskboard.task.id is not an integer");
        assertThat(refusal(span(ROOT, null, attr("taskboard.agent.id", "99999999999999999999"))))
                .contains("taskboard.agent.id is larger than 9223372036854775807");
        assertThat(refusal(span(ROOT, null, attr("taskboard.task.id", 0)))).contains("taskboard.task.id is not positive");
        assertThat(refusal(span(ROOT, null, attr("taskboard.task.id", 7.0)))).contains("is not an integer");
    }

    @Test
    void nulInAnAttributeIsRefusedNamingIt() {
        assertThat(refusal(span(ROOT, null, attr("gen_ai.request.model", "gpt\u0000-5"))))
                .contains("attribute gen_ai.request.model contains a NUL character");
        assertThat(refusal(span(ROOT, null, attr("gen_ai.input.messages",
                "[{\"role\":\"user\",\"parts\":[{\"type\":\"text\",\"content\":\"a\\u0000b\"}]}]"))))
                .as("NUL hidden behind a JSON escape").contains("attribute gen_ai.input.messages contains a NUL");
        assertThat(refusal(span(ROOT, null).setName("bad\u0000name"))).contains("the span name contains a NUL");
    }

    @Test
    void loneSurrogateFromOtlpJsonIsRefusedButAPairIsKept() {
        String body = """
                {"resourceSpans": [{"resource": {"attributes": [
                  {"key": "taskboard.task.id", "value": {"intValue": 7}}, {"key": "taskboard.agent.id", "value": {"intValue": 3}}]},
                  "scopeSpans": [{"spans": [
                    {"traceId": "%1$s", "spanId": "%2$s", "startTimeUnixNano": "1767261600000000000",
                     "attributes": [{"key": "gen_ai.tool.name", "value": {"stringValue": "x\\ud800y"}}]},
                    {"traceId": "%1$s", "spanId": "%3$s", "startTimeUnixNano": "1767261600000000000",
                     "attributes": [{"key": "gen_ai.tool.name", "value": {"stringValue": "ok \\ud83d\\ude00"}}]}]}]}]}
                """.formatted(TRACE, ROOT, CHILD);
        GenAiSpans result = new GenAiSpanMapper().map(new OtlpTraceDecoder(1 << 20)
                .decode(body.getBytes(StandardCharsets.UTF_8), "application/json", null));
        assertThat(result.refusals()).singleElement().satisfies(r -> {
            assertThat(r.spanId()).isEqualTo(ROOT);
            assertThat(r.message()).contains("attribute gen_ai.tool.name contains a lone UTF-16 surrogate at index 1");
        });
        assertThat(result.spans()).singleElement().extracting(GenAiSpan::toolName).isEqualTo("ok \uD83D\uDE00");
    }

    @Test
    void negativeNonIntegralAndNonNumericTokenCountsAreRefusedNamingTheAttribute() {
        assertThat(refusal(span(ROOT, null, attr("gen_ai.usage.input_tokens", -1))))
                .isEqualTo("span " + ROOT + ": attribute gen_ai.usage.input_tokens must be a non-negative integer"
                        + " token count, got -1.");
        assertThat(refusal(span(ROOT, null, attr("llm.token_count.completion", 1.5)))).contains("llm.token_count.completion")
                .contains("got 1.5");
        assertThat(refusal(span(ROOT, null, attr("gen_ai.usage.output_tokens", "many")))).contains("got \"many\"");
        assertThat(refusal(span(ROOT, null, attr("gen_ai.usage.input_tokens", Long.MAX_VALUE),
                attr("gen_ai.usage.output_tokens", 1)))).contains("token counts add up to more than");
        assertThat(accepted(span(ROOT, null, attr("gen_ai.usage.input_tokens", "1e3"))).usage().input()).isEqualTo(1000);
    }

    @Test
    void invalidIdsAndTimesAreRefused() {
        assertThat(refusal(span(ROOT, null).setTraceId(ByteString.copyFrom(new byte[16])))).contains("invalid traceId");
        assertThat(refusal(span(ROOT, null).setSpanId(ByteString.copyFrom(new byte[3])))).contains("invalid spanId");
        assertThat(refusal(span(ROOT, null).setParentSpanId(ByteString.copyFrom(new byte[4]))))
                .contains("invalid parentSpanId");
        assertThat(refusal(span(ROOT, null).setStartTimeUnixNano(0))).contains("has no startTimeUnixNano");
        assertThat(refusal(span(ROOT, null).setEndTimeUnixNano(1))).contains("ends (endTimeUnixNano) before it starts");
        assertThat(accepted(span(ROOT, null).setParentSpanId(ByteString.copyFrom(new byte[8]))).isRoot())
                .as("an all-zero parent id means no parent").isTrue();
    }

    @Test
    void oneBadSpanDoesNotCostTheOthers() {
        GenAiSpans result = map(span(ROOT, null), span(CHILD, ROOT, attr("gen_ai.usage.input_tokens", -5)));
        assertThat(result.spans()).extracting(GenAiSpan::spanId).containsExactly(ROOT);
        assertThat(result.refusals()).extracting(SpanRefusal::spanId, SpanRefusal::traceId).containsExactly(
                org.assertj.core.groups.Tuple.tuple(CHILD, TRACE));
    }

    @Test
    void errorStatusTakesItsTypeFromTheExceptionEventAndItsMessageFromTheStatus() {
        GenAiSpan s = accepted(span(ROOT, null, attr("gen_ai.operation.name", "chat"))
                .setStatus(Status.newBuilder().setCode(Status.StatusCode.STATUS_CODE_ERROR).setMessage("429 from provider"))
                .addEvents(event("exception", attr("exception.type", "RateLimitError"),
                        attr("exception.message", "slow down"))));
        assertThat(s.isError()).isTrue();
        assertThat(s.errorType()).isEqualTo("RateLimitError");
        assertThat(s.errorMessage()).isEqualTo("429 from provider");
        assertThat(s.statusCode()).isEqualTo(SpanStatusCode.ERROR);
        assertThat(s.statusMessage()).isEqualTo("429 from provider");
    }

    @Test
    void errorTypeAttributeAloneIsAnErrorAndAHandledExceptionIsNot() {
        GenAiSpan typed = accepted(span(ROOT, null, attr("error.type", "timeout"))
                .addEvents(event("exception", attr("exception.message", "read timed out"))));
        assertThat(typed.errorType()).isEqualTo("timeout");
        assertThat(typed.errorMessage()).isEqualTo("read timed out");
        assertThat(typed.statusCode()).isEqualTo(SpanStatusCode.UNSET);
        GenAiSpan handled = accepted(span(ROOT, null).addEvents(event("exception", attr("exception.type", "IOError"))));
        assertThat(handled.isError()).isFalse();
        assertThat(handled.errorMessage()).isNull();
        GenAiSpan bare = accepted(span(ROOT, null).setStatus(Status.newBuilder().setCode(Status.StatusCode.STATUS_CODE_ERROR)));
        assertThat(bare.errorType()).isEqualTo("error");
        assertThat(bare.errorMessage()).isNull();
    }
}
