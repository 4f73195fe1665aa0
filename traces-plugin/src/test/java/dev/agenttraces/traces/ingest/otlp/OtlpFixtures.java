package dev.agenttraces.traces.ingest.otlp;

import com.google.protobuf.ByteString;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.ArrayValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.common.v1.KeyValueList;
import io.opentelemetry.proto.resource.v1.Resource;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import io.opentelemetry.proto.trace.v1.Span;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Builders for OTLP requests in tests: spans with ids, times and attributes, under a resource naming task 7, agent 3. */
final class OtlpFixtures {

    static final String TRACE = "5b8efff798038103d269b633813fc60c";
    static final String ROOT = "eee19b7ec3c1b174";
    static final String CHILD = "0102030405060708";
    /** 2026-01-01T10:00:00Z in Unix nanoseconds. */
    static final long T0 = 1_767_261_600_000_000_000L;

    static final List<KeyValue> TASKBOARD = List.of(attr("taskboard.task.id", 7), attr("taskboard.agent.id", 3));

    private OtlpFixtures() {
    }

    static KeyValue attr(String key, String value) {
        return attr(key, AnyValue.newBuilder().setStringValue(value).build());
    }

    static KeyValue attr(String key, long value) {
        return attr(key, AnyValue.newBuilder().setIntValue(value).build());
    }

    static KeyValue attr(String key, double value) {
        return attr(key, AnyValue.newBuilder().setDoubleValue(value).build());
    }

    static KeyValue attr(String key, AnyValue value) {
        return KeyValue.newBuilder().setKey(key).setValue(value).build();
    }

    static AnyValue kvlist(KeyValue... values) {
        return AnyValue.newBuilder().setKvlistValue(KeyValueList.newBuilder().addAllValues(Arrays.asList(values))).build();
    }

    static AnyValue array(AnyValue... values) {
        return AnyValue.newBuilder().setArrayValue(ArrayValue.newBuilder().addAllValues(Arrays.asList(values))).build();
    }

    static ByteString bytes(String hex) {
        return ByteString.copyFrom(HexFormat.of().parseHex(hex));
    }

    /** A span of one second from {@link #T0}; {@code parent} null for a root. */
    static Span.Builder span(String spanId, String parent, KeyValue... attributes) {
        Span.Builder span = Span.newBuilder().setTraceId(bytes(TRACE)).setSpanId(bytes(spanId)).setName("span " + spanId)
                .setStartTimeUnixNano(T0).setEndTimeUnixNano(T0 + 1_000_000_000L)
                .addAllAttributes(Arrays.asList(attributes));
        return parent == null ? span : span.setParentSpanId(bytes(parent));
    }

    static Span.Event event(String name, KeyValue... attributes) {
        return Span.Event.newBuilder().setName(name).setTimeUnixNano(T0).addAllAttributes(Arrays.asList(attributes)).build();
    }

    static ExportTraceServiceRequest request(List<KeyValue> resource, Span.Builder... spans) {
        ScopeSpans.Builder scope = ScopeSpans.newBuilder();
        Arrays.stream(spans).forEach(scope::addSpans);
        return ExportTraceServiceRequest.newBuilder().addResourceSpans(ResourceSpans.newBuilder()
                .setResource(Resource.newBuilder().addAllAttributes(resource)).addScopeSpans(scope)).build();
    }

    static GenAiSpans map(Span.Builder... spans) {
        return new GenAiSpanMapper().map(request(TASKBOARD, spans));
    }

    /** Maps one span that must be accepted. */
    static GenAiSpan accepted(Span.Builder span) {
        GenAiSpans result = map(span);
        assertThat(result.refusals()).isEmpty();
        assertThat(result.spans()).hasSize(1);
        return result.spans().get(0);
    }

    /** Maps one span that must be refused, and answers the refusal's message. */
    static String refusal(List<KeyValue> resource, Span.Builder span) {
        GenAiSpans result = new GenAiSpanMapper().map(request(resource, span));
        assertThat(result.spans()).isEmpty();
        assertThat(result.refusals()).hasSize(1);
        return result.refusals().get(0).message();
    }

    static String refusal(Span.Builder span) {
        return refusal(TASKBOARD, span);
    }
}
