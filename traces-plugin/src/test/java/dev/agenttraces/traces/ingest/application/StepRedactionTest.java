package dev.agenttraces.traces.ingest.application;

import dev.agenttraces.traces.ingest.domain.RedactionDefaults;
import dev.agenttraces.traces.ingest.domain.Redactor;
import dev.agenttraces.traces.ingest.domain.StepBatch;
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

/** Both ingest paths' steps are masked field by field, counted, and hashed over the masked text. */
class StepRedactionTest {

    private static final StepRedaction REDACTION = StepRedaction.of(new Redactor(RedactionDefaults.ALL));
    private static final String KEY = "AKIAIOSFODNN7EXAMPLE";
    private static final Instant AT = Instant.parse("2026-03-02T09:00:00Z");

    @Test
    void masksEveryTextFieldOfAJsonStepAndCountsThem() {
        StepInput step = new StepInput(3, StepType.TOOL_CALL, "key " + KEY, "tool", "{\"k\":\"" + KEY + "\"}",
                "mail ada@example.com", "gpt-4o", TokenCounts.NONE, AT, 5L);
        StepBatch batch = REDACTION.batch(new StepBatch(List.of(StepBatch.Item.valid(0, step),
                StepBatch.Item.invalid(1, 4, "steps[1].type", "bad"))));
        StepInput masked = batch.items().get(0).step();
        assertThat(masked.content()).isEqualTo("key [REDACTED:api-key]");
        assertThat(masked.toolInput()).isEqualTo("{\"k\":\"[REDACTED:api-key]\"}");
        assertThat(masked.toolOutput()).isEqualTo("mail [REDACTED:email]");
        assertThat(masked.redactions()).isEqualTo(3);
        assertThat(masked.contentHash()).isNotEqualTo(step.contentHash())
                .isEqualTo(REDACTION.step(step).contentHash());
        assertThat(batch.items().get(1).rejected()).isNotNull();
        StepInput clean = step.withText("nothing", null, null, null, null, 0);
        assertThat(REDACTION.step(clean)).isSameAs(clean);
    }

    @Test
    void masksAnOtlpSpansConversationToolTextAndErrorAndHashesTheMaskedSteps() {
        GenAiSpan span = new GenAiSpan("0af7651916cd43dd8448eb211c80319c", "b7ad6b7169203331", null, AT, AT.plusMillis(9),
                GenAiSpanKind.LLM_CALL, "chat", "gpt-4o", "openai", new GenAiUsage(10, 5, 0, 0, 0), null, null, null,
                null, "system " + KEY, List.of(new GenAiMessage("user", "line\n" + KEY)),
                List.of(new GenAiMessage("assistant", "Bearer abc123def456")), "thinking of ada@example.com",
                "http_500", "at https://u:hunter2@h.io", 42, 7, SpanStatusCode.ERROR, null);
        SpanSteps.Plan raw = SpanSteps.of(span);
        SpanSteps.Plan plan = REDACTION.plan(raw);
        String all = plan.steps().stream().map(s -> s.content() + " " + s.messages()).reduce("", String::concat);
        assertThat(all).doesNotContain(KEY, "abc123def456", "ada@example.com", "hunter2")
                .contains("[REDACTED:api-key]", "[REDACTED:bearer-token]", "[REDACTED:email]", "[REDACTED:password]");
        assertThat(plan.steps()).extracting(StepInput::type)
                .containsExactly(StepType.LLM_CALL, StepType.REASONING, StepType.ERROR);
        assertThat(plan.steps()).extracting(StepInput::redactions).containsExactly(4, 1, 1);
        assertThat(plan.hash()).isNotEqualTo(raw.hash()).isEqualTo(REDACTION.plan(SpanSteps.of(span)).hash());
    }

    @Test
    void switchedOffChangesNothing() {
        StepRedaction off = StepRedaction.of(Redactor.NONE);
        StepInput step = new StepInput(1, StepType.REASONING, KEY, null, null, null, null, TokenCounts.NONE, AT, null);
        assertThat(off.step(step)).isSameAs(step);
        assertThat(off.text(KEY)).isEqualTo(KEY);
    }
}
