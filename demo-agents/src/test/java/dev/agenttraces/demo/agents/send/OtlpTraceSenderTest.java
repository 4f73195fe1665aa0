package dev.agenttraces.demo.agents.send;

import dev.agenttraces.demo.agents.scenario.AgentProfile;
import dev.agenttraces.demo.agents.scenario.Run;
import dev.agenttraces.demo.agents.scenario.ScenarioGenerator;
import dev.agenttraces.demo.agents.scenario.Shape;
import dev.agenttraces.demo.agents.scenario.Step;
import dev.agenttraces.demo.agents.scenario.StepKind;
import dev.agenttraces.demo.agents.scenario.TaskBrief;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** The spans the OTLP sender makes of a run, kept by an exporter of the test's instead of sent. */
class OtlpTraceSenderTest {

    static final AgentProfile CODER = new AgentProfile(1, "Coder", "claude-sonnet-4-5", "anthropic", "claude-haiku-4-5");
    static final AttributeKey<String> OPERATION = AttributeKey.stringKey("gen_ai.operation.name");

    /** Keeps every exported span. */
    static class Kept implements SpanExporter {

        final List<SpanData> spans = new CopyOnWriteArrayList<>();

        @Override
        public CompletableResultCode export(Collection<SpanData> batch) {
            spans.addAll(batch);
            return CompletableResultCode.ofSuccess();
        }

        @Override
        public CompletableResultCode flush() {
            return CompletableResultCode.ofSuccess();
        }

        @Override
        public CompletableResultCode shutdown() {
            return CompletableResultCode.ofSuccess();
        }
    }

    @Test
    void toolSpansHangUnderTheChatSpanThatAskedForThemAndTheFirstAnthropicCallWritesTheCache() {
        Run run = new ScenarioGenerator(new SplittableRandom(42)).runs(Shape.ORDINARY, CODER,
                new TaskBrief(7, "Fix flaky login test", "Demo task.", null), Instant.parse("2026-12-01T10:00:00Z"),
                Duration.ZERO, 100).getFirst();
        Kept kept = new Kept();
        try (OtlpTraceSender sender = new OtlpTraceSender(kept, "test")) {
            sender.start(run);
            sender.append(run, run.steps());
            sender.finish(run);
        }
        Map<String, SpanData> byId = kept.spans.stream().collect(Collectors.toMap(SpanData::getSpanId, Function.identity()));
        List<SpanData> tools = kept.spans.stream().filter(s -> "execute_tool".equals(s.getAttributes().get(OPERATION))).toList();
        assertThat(tools).hasSize((int) run.steps().stream().filter(s -> s.kind() == StepKind.TOOL_CALL).count()).isNotEmpty();
        assertThat(tools).allSatisfy(t -> {
            SpanData parent = byId.get(t.getParentSpanId());
            assertThat(parent).as("the parent of %s", t.getName()).isNotNull();
            assertThat(parent.getAttributes().get(OPERATION)).isEqualTo("chat");
            assertThat(parent.getStartEpochNanos()).as("asked for before it ran").isLessThanOrEqualTo(t.getStartEpochNanos());
        });

        Step firstCall = run.steps().stream().filter(s -> s.kind() == StepKind.LLM_CALL).findFirst().orElseThrow();
        SpanData firstChat = kept.spans.stream().filter(s -> "chat".equals(s.getAttributes().get(OPERATION)))
                .min(Comparator.comparingLong(SpanData::getStartEpochNanos)).orElseThrow();
        assertThat(firstCall.usage().cacheWrite()).as("the first call writes the prompt to the cache").isPositive();
        assertThat(firstChat.getAttributes().get(AttributeKey.longKey("gen_ai.usage.cache_creation.input_tokens")))
                .isEqualTo(firstCall.usage().cacheWrite());
        assertThat(firstChat.getAttributes().get(AttributeKey.longKey("gen_ai.usage.input_tokens")))
                .as("GenAI input includes the cache writes").isEqualTo(firstCall.usage().contextTokens());
        assertThat(kept.spans).filteredOn(s -> s != firstChat)
                .allSatisfy(s -> assertThat(s.getAttributes().get(AttributeKey.longKey("gen_ai.usage.cache_creation.input_tokens")))
                        .as("only the first call writes").isNull());
    }
}
