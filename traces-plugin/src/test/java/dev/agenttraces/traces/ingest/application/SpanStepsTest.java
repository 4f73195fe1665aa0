package dev.agenttraces.traces.ingest.application;

import dev.agenttraces.traces.ingest.otlp.GenAiMessage;
import dev.agenttraces.traces.ingest.otlp.GenAiSpan;
import dev.agenttraces.traces.ingest.otlp.GenAiSpanKind;
import dev.agenttraces.traces.ingest.otlp.GenAiUsage;
import dev.agenttraces.traces.ingest.otlp.SpanStatusCode;
import dev.agenttraces.traces.trace.domain.StepInput;
import dev.agenttraces.traces.trace.domain.StepType;
import dev.agenttraces.traces.trace.domain.TokenCounts;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SpanStepsTest {

    private static final Instant START = Instant.parse("2026-03-02T09:00:00Z");
    private static final Instant END = START.plusMillis(2_500);

    private static GenAiSpan span(GenAiSpanKind kind, String parent, GenAiUsage usage, String errorType) {
        return new GenAiSpan("0af7651916cd43dd8448eb211c80319c", "b7ad6b7169203331", parent, START, END, kind,
                "chat claude", "claude-sonnet-4-5", "anthropic", usage, kind == GenAiSpanKind.TOOL_CALL ? "read_file" : null,
                "call_1", kind == GenAiSpanKind.TOOL_CALL ? "{\"path\":\"a\"}" : null,
                kind == GenAiSpanKind.TOOL_CALL ? "class A {}" : null, "Be brief.",
                List.of(new GenAiMessage("user", "Fix it")), List.of(new GenAiMessage("assistant", "Done.")),
                kind == GenAiSpanKind.LLM_CALL ? "Think first." : null, errorType,
                errorType == null ? null : "boom", 42, 7, SpanStatusCode.UNSET, null);
    }

    @Test
    void normalisesGenAiTokensToTheStoredConvention() {
        // GenAI: input 12,000 includes 8,000 cache reads and 2,000 writes; output 700 includes 200 reasoning.
        assertThat(SpanSteps.storedTokens(new GenAiUsage(12_000, 700, 8_000, 2_000, 200)))
                .isEqualTo(new TokenCounts(2_000, 500, 8_000, 200, 2_000));
    }

    @Test
    void takesCountsThatAreAlreadyApartAsTheyAre() {
        // Anthropic-style raw usage: input excludes the cache counts, output excludes reasoning.
        assertThat(SpanSteps.storedTokens(new GenAiUsage(100, 50, 8_000, 2_000, 200)))
                .isEqualTo(new TokenCounts(100, 50, 8_000, 200, 2_000));
        assertThat(SpanSteps.storedTokens(GenAiUsage.NONE)).isEqualTo(TokenCounts.NONE);
    }

    @Test
    void anLlmCallIsOneStepWithItsConversationAndItsReasoningUnderIt() {
        SpanSteps.Plan plan = SpanSteps.of(span(GenAiSpanKind.LLM_CALL, "00f067aa0ba902b7",
                new GenAiUsage(1_000, 300, 400, 0, 100), null));
        assertThat(plan.steps()).extracting(StepInput::type).containsExactly(StepType.LLM_CALL, StepType.REASONING);
        StepInput call = plan.steps().get(0);
        assertThat(call.spanId()).isEqualTo("b7ad6b7169203331");
        assertThat(call.parentSpanId()).isEqualTo("00f067aa0ba902b7");
        assertThat(call.model()).isEqualTo("claude-sonnet-4-5");
        assertThat(call.tokens()).isEqualTo(new TokenCounts(600, 200, 400, 100, 0));
        assertThat(call.content()).as("the reply previews the row").isEqualTo("Done.");
        assertThat(call.durationMs()).isEqualTo(2_500L);
        assertThat(call.messages()).isEqualTo("[{\"role\":\"system\",\"content\":\"Be brief.\"},"
                + "{\"role\":\"user\",\"content\":\"Fix it\"},{\"role\":\"assistant\",\"content\":\"Done.\"}]");
        StepInput reasoning = plan.steps().get(1);
        assertThat(reasoning.content()).isEqualTo("Think first.");
        assertThat(reasoning.spanId()).as("secondary steps hang under the span's first step").isNull();
        assertThat(reasoning.tokens()).isEqualTo(TokenCounts.NONE);
    }

    @Test
    void aToolSpanIsACallAndItsResult() {
        SpanSteps.Plan plan = SpanSteps.of(span(GenAiSpanKind.TOOL_CALL, "00f067aa0ba902b7", GenAiUsage.NONE, null));
        assertThat(plan.steps()).extracting(StepInput::type).containsExactly(StepType.TOOL_CALL, StepType.TOOL_RESULT);
        assertThat(plan.steps().get(0).toolInput()).isEqualTo("{\"path\":\"a\"}");
        assertThat(plan.steps().get(1).toolOutput()).isEqualTo("class A {}");
        assertThat(plan.steps().get(1).startedAt()).as("the result comes when the tool ends").isEqualTo(END);
        assertThat(plan.steps().get(0).toolCallId()).as("the call id stays with the call").isEqualTo("call_1");
        assertThat(plan.steps().get(1).toolCallId()).isNull();
        assertThat(SpanSteps.of(span(GenAiSpanKind.LLM_CALL, null, GenAiUsage.NONE, null)).steps().get(0).toolCallId())
                .as("only a tool call carries one").isNull();
    }

    @Test
    void aPlanMovedUnderItsLlmCallKeepsItsHash() {
        SpanSteps.Plan plan = SpanSteps.of(span(GenAiSpanKind.TOOL_CALL, "00f067aa0ba902b7", GenAiUsage.NONE, null));
        SpanSteps.Plan moved = plan.under("1112131415161718");
        assertThat(moved.steps().get(0).parentSpanId()).isEqualTo("1112131415161718");
        assertThat(moved.steps().get(1)).as("the result still hangs under the call").isEqualTo(plan.steps().get(1));
        assertThat(moved.hash()).as("so the span re-sent beside its agent stays a duplicate").isEqualTo(plan.hash());
        StepInput call = plan.steps().get(0);
        StepInput withoutId = new StepInput(call.seq(), call.type(), call.content(), call.toolName(), call.toolInput(),
                call.toolOutput(), call.model(), call.tokens(), call.startedAt(), call.durationMs(), call.parentSeq(),
                call.messages(), call.spanId(), call.parentSpanId(), 0);
        assertThat(call.contentHash()).as("the call id is part of the step's content").isNotEqualTo(withoutId.contentHash());
        assertThat(withoutId.contentHash()).as("a step without one hashes as before the column existed")
                .isEqualTo(new StepInput(call.seq(), call.type(), call.content(), call.toolName(), call.toolInput(),
                        call.toolOutput(), call.model(), call.tokens(), call.startedAt(), call.durationMs(),
                        call.parentSeq(), call.messages(), call.spanId(), call.parentSpanId(), 0, null).contentHash());
    }

    @Test
    void agentSpansCarryNoTokensAndTheRootIsTheTraceItself() {
        SpanSteps.Plan sub = SpanSteps.of(span(GenAiSpanKind.SUB_AGENT, "00f067aa0ba902b7",
                new GenAiUsage(5_000, 500, 0, 0, 0), null));
        assertThat(sub.steps()).singleElement().satisfies(s -> {
            assertThat(s.type()).isEqualTo(StepType.AGENT);
            assertThat(s.tokens()).isEqualTo(TokenCounts.NONE);
        });
        assertThat(SpanSteps.of(span(GenAiSpanKind.AGENT, null, GenAiUsage.NONE, null)).isEmpty()).isTrue();
        assertThat(SpanSteps.of(span(GenAiSpanKind.AGENT, null, GenAiUsage.NONE, "timeout")).steps())
                .singleElement().satisfies(s -> {
                    assertThat(s.type()).isEqualTo(StepType.ERROR);
                    assertThat(s.content()).isEqualTo("timeout: boom");
                    assertThat(s.spanId()).as("so a re-sent root is recognised").isEqualTo("b7ad6b7169203331");
                });
    }

    @Test
    void aFailedSpanAddsAnErrorAndOtherSpansBecomeSystemSteps() {
        assertThat(SpanSteps.of(span(GenAiSpanKind.TOOL_CALL, "00f067aa0ba902b7", GenAiUsage.NONE, "io")).steps())
                .extracting(StepInput::type).containsExactly(StepType.TOOL_CALL, StepType.TOOL_RESULT, StepType.ERROR);
        assertThat(SpanSteps.of(span(GenAiSpanKind.GENERIC, "00f067aa0ba902b7", GenAiUsage.NONE, null)).steps())
                .singleElement().satisfies(s -> {
                    assertThat(s.type()).isEqualTo(StepType.SYSTEM);
                    assertThat(s.content()).isEqualTo("chat claude");
                });
    }

    @Test
    void theSameSpanHashesTheSameAndAChangedOneDifferently() {
        GenAiSpan span = span(GenAiSpanKind.LLM_CALL, null, new GenAiUsage(10, 5, 0, 0, 0), null);
        assertThat(SpanSteps.of(span).hash()).isEqualTo(SpanSteps.of(span).hash());
        assertThat(SpanSteps.of(span(GenAiSpanKind.LLM_CALL, null, new GenAiUsage(11, 5, 0, 0, 0), null)).hash())
                .isNotEqualTo(SpanSteps.of(span).hash());
    }
}
