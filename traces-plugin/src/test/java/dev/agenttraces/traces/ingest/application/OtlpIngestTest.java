package dev.agenttraces.traces.ingest.application;

import dev.agenttraces.traces.ingest.domain.TokenScope;
import dev.agenttraces.traces.ingest.otlp.GenAiSpan;
import dev.agenttraces.traces.ingest.otlp.GenAiSpanKind;
import dev.agenttraces.traces.ingest.otlp.GenAiSpans;
import dev.agenttraces.traces.ingest.otlp.GenAiUsage;
import dev.agenttraces.traces.ingest.otlp.SpanStatusCode;
import dev.agenttraces.traces.insight.application.FlagRefreshes;
import dev.agenttraces.traces.trace.domain.PricedStep;
import dev.agenttraces.traces.trace.domain.StepInput;
import dev.agenttraces.traces.trace.domain.TraceSummary;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static dev.agenttraces.traces.ingest.application.TokenBoardScopeTest.AGENT;
import static dev.agenttraces.traces.ingest.application.TokenBoardScopeTest.BOARD_A;
import static dev.agenttraces.traces.ingest.application.TokenBoardScopeTest.TASK_A;
import static dev.agenttraces.traces.ingest.application.TokenBoardScopeTest.TASK_A_OTHER_ASSIGNEE;
import static dev.agenttraces.traces.ingest.application.TokenBoardScopeTest.TASK_B;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 9 over OTLP: the token's board binding (finding 5') and the trace's capacity (finding 4a') hold per span,
 * as they do on the JSON API; a refused span is counted in the partial success and the others are stored. And
 * issue 10's tool call ids: a tool span beside the LLM call that asked for it is stored under that call.
 */
class OtlpIngestTest {

    static final long FIVE_EXA = 5_000_000_000_000_000_000L;

    private final FakeTraceStore store = new FakeTraceStore(TokenBoardScopeTest.TASKS);
    private final OtlpIngest ingest = new OtlpIngest();

    {
        ingest.writes = new IngestTransactions();
        ingest.redaction = StepRedaction.of(dev.agenttraces.traces.ingest.domain.Redactor.NONE);
        ingest.writes.store = store;
        ingest.writes.pricing = new BatchPricing() {
            @Override
            public Run begin(TraceSummary trace) {
                return new Run(null, trace.model(), trace.provider()); // no pricer: steps stored unpriced
            }
        };
        ingest.writes.flagging = FlagRefreshes.inline(trace -> { }, trace -> { });
    }

    private static TokenScope boardA(boolean assignedOnly) {
        return new TokenScope(1, "a", false, Set.of(AGENT), false, Set.of(BOARD_A), assignedOnly);
    }

    private static String hex(int bytes) {
        byte[] id = new byte[bytes];
        ThreadLocalRandom.current().nextBytes(id);
        id[0] |= 1;
        return HexFormat.of().formatHex(id);
    }

    /** An LLM call of {@code input} tokens in the trace, under a parent span not sent. */
    private static GenAiSpan chat(String trace, String span, long task, long input) {
        Instant at = Instant.parse("2026-01-01T10:00:00Z");
        return new GenAiSpan(trace, span, "00000000000000aa", at, at.plusSeconds(1), GenAiSpanKind.LLM_CALL, "chat",
                "m", "p", new GenAiUsage(input, 0, 0, 0, 0), null, null, null, null, null, List.of(), List.of(), null,
                null, null, task, AGENT, SpanStatusCode.OK, null);
    }

    /** A tool span with a call id, under {@code parent}. */
    private static GenAiSpan tool(String trace, String span, String parent, String callId) {
        Instant at = Instant.parse("2026-01-01T10:00:02Z");
        return new GenAiSpan(trace, span, parent, at, at.plusSeconds(1), GenAiSpanKind.TOOL_CALL, "execute_tool",
                null, null, GenAiUsage.NONE, "read_file", callId, "{}", "ok", null, List.of(), List.of(), null,
                null, null, TASK_A, AGENT, SpanStatusCode.OK, null);
    }

    /** {@link #chat} whose output asked for these tool calls. */
    private static GenAiSpan asking(String trace, String span, String... callIds) {
        GenAiSpan c = chat(trace, span, TASK_A, 10);
        return new GenAiSpan(c.traceId(), c.spanId(), c.parentSpanId(), c.start(), c.end(), c.kind(), c.name(),
                c.model(), c.provider(), c.usage(), null, null, null, null, null, List.of(), List.of(), null, null,
                null, c.taskId(), c.agentId(), c.statusCode(), null, List.of(callIds));
    }

    private StepInput stepOf(String trace, String span) {
        return store.steps.get(OtlpIngest.traceId(trace)).stream().map(PricedStep::step)
                .filter(s -> span.equals(s.spanId())).findFirst().orElseThrow();
    }

    @Test
    void aToolSpanBesideTheLlmCallThatAskedForItGoesUnderThatCall() {
        String trace = hex(16);
        String agent = "00000000000000aa"; // the parent of every chat() span
        String chat = hex(8);
        String other = hex(8);
        String asked = hex(8);
        String unasked = hex(8);
        // tools first, as an exporter may send them; the other LLM call asked for another id
        export(boardA(false), tool(trace, asked, agent, "call_7"), tool(trace, unasked, agent, "call_9"),
                asking(trace, other, "call_1"), asking(trace, chat, "call_3", "call_7"));
        int chatSeq = stepOf(trace, chat).seq();
        assertThat(stepOf(trace, asked).parentSpanId()).isEqualTo(chat);
        assertThat(stepOf(trace, asked).parentSeq()).isEqualTo(chatSeq);
        assertThat(stepOf(trace, asked).toolCallId()).isEqualTo("call_7");
        assertThat(stepOf(trace, unasked).parentSpanId()).as("no LLM call asked for call_9").isEqualTo(agent);
        assertThat(stepOf(trace, unasked).parentSeq()).as("its parent, the root agent, is no step").isNull();

        int stored = store.steps.get(OtlpIngest.traceId(trace)).size();
        export(boardA(false), tool(trace, asked, agent, "call_7"));
        assertThat(store.steps.get(OtlpIngest.traceId(trace))).as("re-sent alone, the moved span is a duplicate")
                .hasSize(stored);
        assertThat(stepOf(trace, asked).parentSeq()).isEqualTo(chatSeq);
    }

    private OtlpIngest.Result export(TokenScope scope, GenAiSpan... spans) {
        return ingest.export(scope, new GenAiSpans(List.of(spans), List.of()));
    }

    private long inputOf(String trace) {
        return store.traces.get(OtlpIngest.traceId(trace)).tokens().input();
    }

    @Test
    void aBoardBoundTokenCannotCreateATraceOnAnotherBoardsTask() {
        String trace = hex(16);
        String span = hex(8);
        OtlpIngest.Result result = export(boardA(false), chat(trace, span, TASK_B, 10));
        assertThat(result.rejectedSpans()).isEqualTo(1);
        assertThat(result.errorMessage()).contains(span, "there is no task " + TASK_B, "taskboard.task.id");
        assertThat(store.traces).as("no trace row").isEmpty();

        assertThat(export(boardA(false), chat(trace, hex(8), TASK_A, 10)).rejectedSpans())
                .as("its own board's task is fine").isZero();
        assertThat(store.traces).containsKey(OtlpIngest.traceId(trace));
    }

    @Test
    void aTokenForAssignedTasksOnlyRefusesAnotherAgentsTask() {
        OtlpIngest.Result result = export(boardA(true), chat(hex(16), hex(8), TASK_A_OTHER_ASSIGNEE, 10));
        assertThat(result.rejectedSpans()).isEqualTo(1);
        assertThat(result.errorMessage()).contains("only write on tasks assigned to agent " + AGENT);
        assertThat(store.traces).isEmpty();
    }

    @Test
    void aSpanCannotJoinAnotherBoardsExistingTrace() {
        String trace = hex(16);
        assertThat(export(TokenScope.everything(2, "all"), chat(trace, hex(8), TASK_B, 10)).rejectedSpans()).isZero();
        // the span names a task of the token's board, but the trace it joins is on board B
        String span = hex(8);
        OtlpIngest.Result result = export(boardA(false), chat(trace, span, TASK_A, 99));
        assertThat(result.rejectedSpans()).isEqualTo(1);
        assertThat(result.errorMessage()).contains(span, "no trace " + trace + " this ingest token may write to");
        assertThat(inputOf(trace)).isEqualTo(10);
        assertThat(store.steps.get(OtlpIngest.traceId(trace))).hasSize(1);
    }

    @Test
    void twoSpansOfFiveExaTokensDoNotOverflowTheTrace() {
        String trace = hex(16);
        String second = hex(8);
        OtlpIngest.Result result = export(boardA(false), chat(trace, hex(8), TASK_A, FIVE_EXA),
                chat(trace, second, TASK_A, FIVE_EXA));
        assertThat(result.rejectedSpans()).isEqualTo(1);
        assertThat(result.errorMessage()).contains(second, "token total would exceed " + Long.MAX_VALUE);
        assertThat(inputOf(trace)).isEqualTo(FIVE_EXA);

        String third = hex(8);
        assertThat(export(boardA(false), chat(trace, third, TASK_A, FIVE_EXA)).errorMessage()).contains(third);
        assertThat(export(boardA(false), chat(trace, hex(8), TASK_A, 7)).rejectedSpans()).as("a small span fits").isZero();
        assertThat(inputOf(trace)).isEqualTo(FIVE_EXA + 7);
    }

    @Test
    void aReplacedSpanIsCheckedAgainstTheTotalsWithoutWhatItHeld() {
        String trace = hex(16);
        String a = hex(8);
        export(boardA(false), chat(trace, a, TASK_A, FIVE_EXA), chat(trace, hex(8), TASK_A, 3_000_000_000_000_000_000L));
        assertThat(inputOf(trace)).isEqualTo(8_000_000_000_000_000_000L);

        // 6e18 in place of 5e18 fits beside the other 3e18, although 8e18 + 6e18 would not
        assertThat(export(boardA(false), chat(trace, a, TASK_A, 6_000_000_000_000_000_000L)).rejectedSpans()).isZero();
        assertThat(inputOf(trace)).isEqualTo(9_000_000_000_000_000_000L);

        OtlpIngest.Result tooBig = export(boardA(false), chat(trace, a, TASK_A, 7_000_000_000_000_000_000L));
        assertThat(tooBig.rejectedSpans()).isEqualTo(1);
        assertThat(tooBig.errorMessage()).contains(a);
        assertThat(inputOf(trace)).as("the stored span stays as it was").isEqualTo(9_000_000_000_000_000_000L);
        assertThat(store.steps.get(OtlpIngest.traceId(trace))).hasSize(2);
    }
}
