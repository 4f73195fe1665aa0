package dev.agenttraces.traces.ingest.otlp;

import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.trace.v1.Span;
import io.opentelemetry.proto.trace.v1.Status;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPOutputStream;

import static dev.agenttraces.traces.ingest.otlp.OtlpFixtures.CHILD;
import static dev.agenttraces.traces.ingest.otlp.OtlpFixtures.ROOT;
import static dev.agenttraces.traces.ingest.otlp.OtlpFixtures.TASKBOARD;
import static dev.agenttraces.traces.ingest.otlp.OtlpFixtures.TRACE;
import static dev.agenttraces.traces.ingest.otlp.OtlpFixtures.bytes;
import static dev.agenttraces.traces.ingest.otlp.OtlpFixtures.request;
import static dev.agenttraces.traces.ingest.otlp.OtlpFixtures.span;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OtlpTraceDecoderTest {

    private static final String PROTOBUF = "application/x-protobuf";
    private static final String JSON = "application/json";

    private final OtlpTraceDecoder decoder = new OtlpTraceDecoder(1 << 20);

    /** One span in OTLP/JSON: upper-case hex ids, int64 as string and as number, integer enums, unknown fields. */
    private static String json(String traceId, String spanId) {
        return """
                {"resourceSpans": [{"resource": {"attributes": [{"key": "taskboard.task.id", "value": {"intValue": "7"}}]},
                  "futureResourceField": true,
                  "scopeSpans": [{"scope": {"name": "agent"}, "spans": [{
                    "traceId": "%s", "spanId": "%s", "parentSpanId": "0102030405060708",
                    "name": "chat gpt-5", "kind": 3,
                    "startTimeUnixNano": "1767261600000000001", "endTimeUnixNano": 1767261601000000002,
                    "status": {"code": 2, "message": "rate limited"},
                    "links": [{"traceId": "%s", "spanId": "0102030405060708"}],
                    "someFutureField": {"nested": [1, 2, {"x": null}]},
                    "attributes": [{"key": "gen_ai.usage.input_tokens", "value": {"intValue": "9007199254740993"}}]
                  }]}]}]}
                """.formatted(traceId, spanId, traceId);
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] gzip(byte[] plain) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(plain);
        }
        return out.toByteArray();
    }

    private static Span onlySpan(ExportTraceServiceRequest request) {
        assertThat(request.getResourceSpansCount()).isEqualTo(1);
        return request.getResourceSpans(0).getScopeSpans(0).getSpans(0);
    }

    @Test
    void protobufRoundTrips() {
        ExportTraceServiceRequest sent = request(TASKBOARD, span(ROOT, null), span(CHILD, ROOT));
        assertThat(decoder.decode(sent.toByteArray(), PROTOBUF, null)).isEqualTo(sent);
        assertThat(decoder.decode(sent.toByteArray(), "Application/Protobuf", "identity")).isEqualTo(sent);
    }

    @Test
    void jsonIdsAreHexAndInt64EnumsAndUnknownFieldsFollowOtlp() {
        Span span = onlySpan(decoder.decode(utf8(json(TRACE.toUpperCase(), ROOT)), "application/json; charset=utf-8", null));
        assertThat(span.getTraceId()).isEqualTo(bytes(TRACE));
        assertThat(span.getSpanId()).isEqualTo(bytes(ROOT));
        assertThat(span.getParentSpanId()).isEqualTo(bytes(CHILD));
        assertThat(span.getLinks(0).getTraceId()).isEqualTo(bytes(TRACE));
        assertThat(span.getLinks(0).getSpanId()).isEqualTo(bytes(CHILD));
        assertThat(span.getStartTimeUnixNano()).isEqualTo(1_767_261_600_000_000_001L);
        assertThat(span.getEndTimeUnixNano()).isEqualTo(1_767_261_601_000_000_002L);
        assertThat(span.getKind()).isEqualTo(Span.SpanKind.SPAN_KIND_CLIENT);
        assertThat(span.getStatus().getCode()).isEqualTo(Status.StatusCode.STATUS_CODE_ERROR);
        assertThat(span.getAttributes(0).getValue().getIntValue()).isEqualTo(9_007_199_254_740_993L);
    }

    @Test
    void jsonAcceptsBase64IdsOfTheRightLengthFromPlainProtobufMappers() {
        String base64Trace = java.util.Base64.getEncoder().encodeToString(bytes(TRACE).toByteArray());
        String base64Span = java.util.Base64.getEncoder().encodeToString(bytes(ROOT).toByteArray());
        Span span = onlySpan(decoder.decode(utf8(json(base64Trace, base64Span)), JSON, null));
        assertThat(span.getTraceId()).isEqualTo(bytes(TRACE));
        assertThat(span.getSpanId()).isEqualTo(bytes(ROOT));
    }

    @Test
    void jsonIdThatIsNeitherHexNorAnIdInBase64IsRefusedNamingTheField() {
        assertThatThrownBy(() -> decoder.decode(utf8(json(TRACE, "not-an-id")), JSON, null))
                .isInstanceOf(OtlpBodyMalformed.class)
                .hasMessageContaining("spanId \"not-an-id\"").hasMessageContaining("hex")
                .extracting(e -> ((OtlpBodyRefused) e).httpStatus()).isEqualTo(400);
    }

    @Test
    void gzipBodiesAreInflatedForBothFormats() throws IOException {
        ExportTraceServiceRequest sent = request(TASKBOARD, span(ROOT, null));
        assertThat(decoder.decode(gzip(sent.toByteArray()), PROTOBUF, "gzip")).isEqualTo(sent);
        Span span = onlySpan(decoder.decode(gzip(utf8(json(TRACE, ROOT))), JSON, " GZIP "));
        assertThat(span.getSpanId()).isEqualTo(bytes(ROOT));
    }

    @Test
    void limitAppliesAfterInflationSoAGzipBombIsStopped() throws IOException {
        byte[] bomb = gzip(new byte[8 << 20]);
        assertThat(bomb.length).isLessThan(1 << 20);
        assertThatThrownBy(() -> decoder.decode(bomb, PROTOBUF, "gzip"))
                .isInstanceOf(OtlpBodyTooLarge.class)
                .extracting(e -> ((OtlpBodyRefused) e).httpStatus()).isEqualTo(413);
    }

    @Test
    void limitAppliesToUncompressedBodiesAndIsInclusive() {
        OtlpTraceDecoder small = new OtlpTraceDecoder(10);
        byte[] ten = request(java.util.List.of()).toByteArray();
        assertThat(small.decode(new byte[0], PROTOBUF, null).getResourceSpansCount()).isZero();
        assertThatThrownBy(() -> small.decode(new byte[11], PROTOBUF, null)).isInstanceOf(OtlpBodyTooLarge.class)
                .hasMessageContaining("10 bytes");
        assertThat(ten.length).isLessThanOrEqualTo(10);
        assertThat(small.decode(ten, PROTOBUF, null).getResourceSpansCount()).isEqualTo(1);
    }

    @Test
    void garbageIsABadRequestWithAUsefulMessage() {
        assertThatThrownBy(() -> decoder.decode(new byte[] {(byte) 0xff, (byte) 0xff, (byte) 0xff}, PROTOBUF, null))
                .isInstanceOf(OtlpBodyMalformed.class).hasMessageContaining("not a protobuf ExportTraceServiceRequest");
        assertThatThrownBy(() -> decoder.decode(utf8("{\"resourceSpans\": [}"), JSON, null))
                .isInstanceOf(OtlpBodyMalformed.class).hasMessageContaining("not valid JSON");
        assertThatThrownBy(() -> decoder.decode(utf8("{\"resourceSpans\": 5}"), JSON, null))
                .isInstanceOf(OtlpBodyMalformed.class).hasMessageContaining("not an OTLP/JSON ExportTraceServiceRequest");
        assertThatThrownBy(() -> decoder.decode(utf8("plain text"), PROTOBUF, "gzip"))
                .isInstanceOf(OtlpBodyMalformed.class).hasMessageContaining("not valid gzip");
        assertThatThrownBy(() -> decoder.decode(new byte[] {'{', '"', (byte) 0xc3, '"', ':', '1', '}'}, JSON, null))
                .isInstanceOf(OtlpBodyMalformed.class).hasMessageContaining("UTF-8");
    }

    @Test
    void jsonDeeperThanTheLimitIsABadRequestNotAStackOverflow() {
        assertThat(OtlpJsonTranscoder.toProtobufJson("[".repeat(64) + "]".repeat(64), 64)).isEqualTo("[".repeat(64) + "]".repeat(64));
        assertThatThrownBy(() -> OtlpJsonTranscoder.toProtobufJson("[".repeat(65) + "]".repeat(65), 64))
                .isInstanceOf(OtlpBodyMalformed.class).hasMessageContaining("deeper than 64 levels");
        String hostile = "{\"resourceSpans\":" + "[".repeat(200_000) + "]".repeat(200_000) + "}";
        assertThatThrownBy(() -> decoder.decode(utf8(hostile), JSON, null))
                .isInstanceOf(OtlpBodyMalformed.class).hasMessageContaining("deeper than 64 levels");
    }

    @Test
    void deeplyNestedProtobufValuesAreABadRequest() {
        AnyValue value = AnyValue.newBuilder().setStringValue("leaf").build();
        for (int i = 0; i < 200; i++) {
            value = OtlpFixtures.array(value);
        }
        byte[] body = request(TASKBOARD, span(ROOT, null, OtlpFixtures.attr("deep", value))).toByteArray();
        assertThatThrownBy(() -> decoder.decode(body, PROTOBUF, null)).isInstanceOf(OtlpBodyMalformed.class);
    }

    @Test
    void unknownMediaTypesAndEncodingsAre415() {
        byte[] body = request(TASKBOARD).toByteArray();
        assertThatThrownBy(() -> decoder.decode(body, "text/plain", null)).isInstanceOf(OtlpMediaTypeUnsupported.class)
                .hasMessageContaining("application/x-protobuf or application/json")
                .extracting(e -> ((OtlpBodyRefused) e).httpStatus()).isEqualTo(415);
        assertThatThrownBy(() -> decoder.decode(body, null, null)).isInstanceOf(OtlpMediaTypeUnsupported.class);
        assertThatThrownBy(() -> decoder.decode(body, PROTOBUF, "br")).isInstanceOf(OtlpMediaTypeUnsupported.class)
                .hasMessageContaining("\"br\"");
    }

    @Test
    void limitMustFitAByteArray() {
        assertThatThrownBy(() -> new OtlpTraceDecoder(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new OtlpTraceDecoder(Integer.MAX_VALUE)).isInstanceOf(IllegalArgumentException.class);
    }
}
