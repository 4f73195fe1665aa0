package dev.agenttraces.it.otlp;

import dev.agenttraces.it.ingest.IngestSuite;
import dev.agenttraces.it.support.TaskboardServer;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.exporter.otlp.http.trace.OtlpHttpSpanExporter;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.sdk.trace.ReadWriteSpan;
import io.opentelemetry.sdk.trace.ReadableSpan;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.SpanProcessor;
import io.opentelemetry.sdk.trace.data.SpanData;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The real OpenTelemetry Java SDK and its OTLP/HTTP exporter (http/protobuf, Bearer ingest token) sending
 * GenAI spans the way an instrumented agent does: an agent whose LLM call asks for a tool and which hands
 * work to a sub-agent. Spans are exported children first (they end first), one request each, then all of
 * them again (OTLP delivers duplicates by design), then once more gzip-compressed. The stored tree, token
 * counts (normalised from the GenAI convention) and cost must come out exactly, and never count twice.
 */
class OtlpSdkIT extends IngestSuite {

    OtlpSdkIT() {
        super("OTLP", "claude-sonnet-4-5", "anthropic");
    }

    private static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");

    @Test
    void storesTheSpanTreeWithExactTokensAndCostWhateverTheOrderAndRepeats() {
        List<SpanData> ended = agentRun();
        assertThat(ended).hasSize(5);
        String traceHex = ended.get(0).getTraceId();
        UUID traceId = StoredSpans.traceId(traceHex);

        try (OtlpHttpSpanExporter plain = exporter(null); OtlpHttpSpanExporter gzip = exporter("gzip")) {
            for (SpanData span : ended) { // in end order: tool, chat 1, chat 2, sub-agent, root
                export(plain, List.of(span));
            }
            export(plain, ended.reversed());
            export(gzip, ended);
        }

        List<StoredSpans.Step> steps = StoredSpans.steps(traceId);
        StoredSpans.Step chat1 = StoredSpans.ofSpan(steps, spanId(ended, "chat claude-sonnet-4-5"));
        StoredSpans.Step tool = StoredSpans.ofSpan(steps, spanId(ended, "execute_tool read_file"));
        StoredSpans.Step sub = StoredSpans.ofSpan(steps, spanId(ended, "invoke_agent reviewer"));
        StoredSpans.Step chat2 = StoredSpans.ofSpan(steps, spanId(ended, "chat reviewer"));
        assertThat(steps).as("chat 1 + reasoning, tool call + result, sub-agent, chat 2; the root is the trace").hasSize(6);

        // The tree: the root agent span is the trace itself, so its children are top-level steps.
        assertThat(chat1.type()).isEqualTo("LLM_CALL");
        assertThat(chat1.parentSeq()).isNull();
        assertThat(tool.type()).isEqualTo("TOOL_CALL");
        assertThat(tool.parentSeq()).as("linked when its parent arrived later").isEqualTo(chat1.seq());
        assertThat(StoredSpans.childrenOf(steps, tool.seq())).singleElement().satisfies(r -> {
            assertThat(r.type()).isEqualTo("TOOL_RESULT");
            assertThat(r.toolOutput()).isEqualTo("class App {}");
        });
        assertThat(StoredSpans.childrenOf(steps, chat1.seq())).extracting(StoredSpans.Step::type)
                .containsExactlyInAnyOrder("REASONING", "TOOL_CALL");
        assertThat(sub.type()).isEqualTo("AGENT");
        assertThat(sub.parentSeq()).isNull();
        assertThat(chat2.parentSeq()).isEqualTo(sub.seq());

        // Tokens: GenAI input 12,000 includes 8,000 cache reads and 2,000 cache writes; output 700 includes 200 reasoning.
        assertThat(List.of(chat1.input(), chat1.cached(), chat1.cacheCreation(), chat1.output(), chat1.reasoning()))
                .containsExactly(2_000L, 8_000L, 2_000L, 500L, 200L);
        assertThat(chat1.model()).isEqualTo("claude-sonnet-4-5-20250929");
        assertThat(chat1.content()).isEqualTo("Reading App.java first.");
        assertThat(chat1.messages()).contains("\"role\":\"system\"", "You are a careful coder.", "Fix the failing test",
                "Reading App.java first.");
        assertThat(sub.input() + sub.output()).as("agent spans' usage is their children's; never counted").isZero();
        // Claude Sonnet 4.5: $3 input, $0.30 cache read, $3.75 cache write, $15 output and reasoning per 1M.
        assertThat(chat1.cost()).isEqualByComparingTo("0.0264");
        assertThat(chat2.cost()).isEqualByComparingTo("0.015");
        assertThat(tool.cost()).isEqualByComparingTo("0");

        StoredSpans.Trace trace = StoredSpans.trace(traceId).orElseThrow();
        assertThat(trace.taskId()).isEqualTo(task);
        assertThat(trace.agentId()).isEqualTo(agent);
        assertThat(trace.status()).isEqualTo("COMPLETED");
        assertThat(trace.model()).isEqualTo("claude-sonnet-4-5");
        assertThat(trace.durationMs()).isEqualTo(20_000L);
        assertThat(trace.steps()).isEqualTo(6);
        assertThat(List.of(trace.input(), trace.output(), trace.cached(), trace.reasoning(), trace.cacheCreation()))
                .containsExactly(5_000L, 900L, 8_000L, 200L, 2_000L);
        assertThat(trace.cost()).isEqualByComparingTo(new BigDecimal("0.0414"));
        assertThat(trace.unpriced()).isZero();
    }

    /** Runs the instrumented "agent" and returns its spans in the order they ended. */
    private List<SpanData> agentRun() {
        List<SpanData> ended = new CopyOnWriteArrayList<>();
        Resource resource = Resource.getDefault().merge(Resource.create(Attributes.of(
                AttributeKey.stringKey("service.name"), "coder-agent",
                AttributeKey.longKey("taskboard.task.id"), task,
                AttributeKey.longKey("taskboard.agent.id"), agent)));
        try (SdkTracerProvider provider = SdkTracerProvider.builder().setResource(resource)
                .addSpanProcessor(new Collector(ended)).build()) {
            Tracer tracer = provider.get("agent-traces-it");
            Span root = tracer.spanBuilder("invoke_agent coder").setStartTimestamp(T0)
                    .setAttribute("gen_ai.operation.name", "invoke_agent").setAttribute("gen_ai.agent.name", "coder")
                    .setAttribute("gen_ai.request.model", "claude-sonnet-4-5")
                    .setAttribute("gen_ai.provider.name", "anthropic").startSpan();
            Span chat1 = tracer.spanBuilder("chat claude-sonnet-4-5").setParent(Context.root().with(root))
                    .setSpanKind(SpanKind.CLIENT).setStartTimestamp(T0.plusSeconds(1))
                    .setAttribute("gen_ai.operation.name", "chat")
                    .setAttribute("gen_ai.request.model", "claude-sonnet-4-5")
                    .setAttribute("gen_ai.response.model", "claude-sonnet-4-5-20250929")
                    .setAttribute("gen_ai.usage.input_tokens", 12_000L)
                    .setAttribute("gen_ai.usage.cache_read.input_tokens", 8_000L)
                    .setAttribute("gen_ai.usage.cache_creation.input_tokens", 2_000L)
                    .setAttribute("gen_ai.usage.output_tokens", 700L)
                    .setAttribute("gen_ai.usage.reasoning.output_tokens", 200L)
                    .setAttribute("gen_ai.system_instructions", "[{\"type\":\"text\",\"content\":\"You are a careful coder.\"}]")
                    .setAttribute("gen_ai.input.messages", "[{\"role\":\"user\",\"parts\":[{\"type\":\"text\","
                            + "\"content\":\"Fix the failing test in App.java\"}]}]")
                    .setAttribute("gen_ai.output.messages", "[{\"role\":\"assistant\",\"parts\":[{\"type\":\"reasoning\","
                            + "\"content\":\"The test reads App first.\"},{\"type\":\"text\",\"content\":\"Reading App.java first.\"}]}]")
                    .startSpan();
            Span tool = tracer.spanBuilder("execute_tool read_file").setParent(Context.root().with(chat1))
                    .setStartTimestamp(T0.plusSeconds(3)).setAttribute("gen_ai.operation.name", "execute_tool")
                    .setAttribute("gen_ai.tool.name", "read_file").setAttribute("gen_ai.tool.call.id", "call_1")
                    .setAttribute("gen_ai.tool.call.arguments", "{\"path\":\"src/App.java\"}")
                    .setAttribute("gen_ai.tool.call.result", "class App {}").startSpan();
            tool.end(T0.plusSeconds(4));
            chat1.setStatus(StatusCode.OK);
            chat1.end(T0.plusSeconds(5));
            Span sub = tracer.spanBuilder("invoke_agent reviewer").setParent(Context.root().with(root))
                    .setStartTimestamp(T0.plusSeconds(6)).setAttribute("gen_ai.operation.name", "invoke_agent")
                    .setAttribute("gen_ai.agent.name", "reviewer")
                    .setAttribute("gen_ai.usage.input_tokens", 3_000L).setAttribute("gen_ai.usage.output_tokens", 400L)
                    .startSpan();
            Span chat2 = tracer.spanBuilder("chat reviewer").setParent(Context.root().with(sub))
                    .setStartTimestamp(T0.plusSeconds(7)).setAttribute("gen_ai.operation.name", "chat")
                    .setAttribute("gen_ai.request.model", "claude-sonnet-4-5")
                    .setAttribute("gen_ai.usage.input_tokens", 3_000L).setAttribute("gen_ai.usage.output_tokens", 400L)
                    .startSpan();
            chat2.end(T0.plusSeconds(15));
            sub.end(T0.plusSeconds(16));
            root.end(T0.plusSeconds(20));
        }
        return new ArrayList<>(ended);
    }

    private OtlpHttpSpanExporter exporter(String compression) {
        var builder = OtlpHttpSpanExporter.builder()
                .setEndpoint(TaskboardServer.start() + "/traces/v1/traces")
                .addHeader("Authorization", "Bearer " + token);
        if (compression != null) {
            builder.setCompression(compression);
        }
        return builder.build();
    }

    private static void export(OtlpHttpSpanExporter exporter, Collection<SpanData> spans) {
        CompletableResultCode result = exporter.export(spans).join(30, TimeUnit.SECONDS);
        assertThat(result.isSuccess()).as("export of %s spans", spans.size()).isTrue();
    }

    private static String spanId(List<SpanData> spans, String name) {
        return spans.stream().filter(s -> s.getName().equals(name)).findFirst().orElseThrow().getSpanId();
    }

    /** Keeps every ended span, as an exporter's processor would hand them over. */
    private record Collector(List<SpanData> ended) implements SpanProcessor {

        @Override
        public void onStart(Context parentContext, ReadWriteSpan span) {
        }

        @Override
        public boolean isStartRequired() {
            return false;
        }

        @Override
        public void onEnd(ReadableSpan span) {
            ended.add(span.toSpanData());
        }

        @Override
        public boolean isEndRequired() {
            return true;
        }
    }
}
