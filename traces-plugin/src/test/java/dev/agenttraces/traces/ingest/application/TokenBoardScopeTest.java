package dev.agenttraces.traces.ingest.application;

import dev.agenttraces.traces.ingest.domain.StartTrace;
import dev.agenttraces.traces.ingest.domain.TokenScope;
import dev.agenttraces.traces.shared.Rejection;
import dev.agenttraces.traces.trace.domain.FinishTrace;
import dev.agenttraces.traces.trace.domain.PricedStep;
import dev.agenttraces.traces.trace.domain.TokenCounts;
import dev.agenttraces.traces.trace.domain.TraceStatus;
import dev.agenttraces.traces.trace.domain.TraceStore;
import dev.agenttraces.traces.trace.domain.TraceSummary;
import dev.agenttraces.traces.trace.domain.TraceTotals;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Issue 9, finding 5: ingest tokens are bound to boards (and optionally to their agents' tasks). */
class TokenBoardScopeTest {

    static final long BOARD_A = 1;
    static final long BOARD_B = 2;
    static final long AGENT = 7;
    static final long TASK_A = 10;
    static final long TASK_B = 20;
    static final long TASK_A_OTHER_ASSIGNEE = 11;

    /** Just enough of a trace store: tasks by board and assignee, traces in a map. */
    static final class FakeStore implements TraceStore, TraceStore.Session {
        final Map<UUID, TraceSummary> traces = new HashMap<>();
        final Map<Long, TaskPlacement> tasks = Map.of(TASK_A, new TaskPlacement(BOARD_A, AGENT),
                TASK_B, new TaskPlacement(BOARD_B, AGENT), TASK_A_OTHER_ASSIGNEE, new TaskPlacement(BOARD_A, 99L));

        @Override public <T> T inTransaction(Function<Session, T> work) { return work.apply(this); }
        @Override public boolean isDuplicateKey(RuntimeException e) { return false; }
        @Override public boolean isTransient(RuntimeException e) { return false; }
        @Override public Optional<TraceSummary> read(UUID id) { return Optional.ofNullable(traces.get(id)); }
        @Override public Optional<TraceSummary> lock(UUID id) { return read(id); }
        @Override public boolean taskExists(long taskId) { return tasks.containsKey(taskId); }
        @Override public Optional<TaskPlacement> taskPlacement(long taskId) { return Optional.ofNullable(tasks.get(taskId)); }
        @Override public Optional<AgentDefaults> agentDefaults(long agentId) { return Optional.of(new AgentDefaults("m", "p")); }
        @Override public Map<Integer, String> existingHashes(UUID traceId, int from, int to) { return new HashMap<>(); }
        @Override public void insertSteps(UUID traceId, List<PricedStep> steps) { }
        @Override public void addTotals(UUID traceId, TraceTotals totals) { }
        @Override public void finish(UUID traceId, FinishTrace finish, long durationMs) { }
        @Override public int maxSeq(UUID traceId) { return 0; }
        @Override public Map<String, dev.agenttraces.traces.trace.domain.StoredSpan> storedSpans(UUID traceId, java.util.Collection<String> spanIds) { return Map.of(); }
        @Override public void deleteSpanSteps(UUID traceId, int firstSeq) { }
        @Override public void linkWaitingChildren(UUID traceId, Map<String, Integer> seqBySpanId) { }
        @Override public void applyRoot(UUID traceId, dev.agenttraces.traces.trace.domain.TraceRoot root) { }
        @Override public void rebuildTotals(UUID traceId) { }

        @Override
        public void insertTrace(UUID id, long taskId, long agentId, String model, String provider, Instant startedAt) {
            traces.put(id, new TraceSummary(id, taskId, "t", agentId, "a", "m", TraceStatus.RUNNING, model, provider,
                    startedAt, null, null, null, 0, 0, TokenCounts.NONE, BigDecimal.ZERO, 0));
        }
    }

    private final FakeStore store = new FakeStore();
    private final TraceIngest ingest = new TraceIngest();

    {
        ingest.writes = new IngestTransactions();
        ingest.writes.store = store;
    }

    private static TokenScope boardA(boolean assignedOnly) {
        return new TokenScope(1, "a", false, Set.of(AGENT), false, Set.of(BOARD_A), assignedOnly);
    }

    private static StartTrace start(UUID id, long task) {
        return new StartTrace(id, task, AGENT, null, null, null);
    }

    @Test
    void aTokenStartsTracesOnItsBoardOnly() {
        assertThat(ingest.start(boardA(false), start(null, TASK_A)).created()).isTrue();
        assertThatThrownBy(() -> ingest.start(boardA(false), start(null, TASK_B)))
                .isInstanceOfSatisfying(Rejection.class, r -> {
                    assertThat(r.field()).isEqualTo("taskId");
                    assertThat(r.getMessage()).isEqualTo(noSuchTaskMessage(TASK_B));
                });
        assertThatThrownBy(() -> ingest.start(boardA(false), start(null, 999)))
                .as("the same answer as for a task that does not exist")
                .isInstanceOfSatisfying(Rejection.class, r -> assertThat(r.getMessage()).isEqualTo(noSuchTaskMessage(999)));
    }

    private static String noSuchTaskMessage(long task) {
        return "There is no task " + task + " on the boards this ingest token may write on.";
    }

    @Test
    void anAllBoardsTokenStartsAnywhere() {
        assertThat(ingest.start(TokenScope.everything(2, "demo"), start(null, TASK_B)).created()).isTrue();
    }

    @Test
    void assignedTasksOnlyRefusesOtherAgentsTasks() {
        assertThat(ingest.start(boardA(true), start(null, TASK_A)).created()).isTrue();
        assertThatThrownBy(() -> ingest.start(boardA(true), start(null, TASK_A_OTHER_ASSIGNEE)))
                .isInstanceOfSatisfying(Rejection.class, r -> assertThat(r.kind()).isEqualTo(Rejection.Kind.FORBIDDEN));
    }

    @Test
    void aConflictNamesNeitherTheOtherTaskNorItsBoard() {
        UUID id = UUID.randomUUID();
        ingest.start(TokenScope.everything(2, "demo"), start(id, TASK_B));
        assertThatThrownBy(() -> ingest.start(boardA(false), start(id, TASK_A)))
                .isInstanceOfSatisfying(Rejection.class, r -> {
                    assertThat(r.kind()).isEqualTo(Rejection.Kind.CONFLICT);
                    assertThat(r.getMessage()).doesNotContain("task " + TASK_B).doesNotContain("agent " + AGENT);
                });
        assertThatThrownBy(() -> ingest.start(boardA(false), start(id, TASK_B)))
                .as("a replay of another board's start is not one for this token")
                .isInstanceOfSatisfying(Rejection.class, r -> assertThat(r.kind()).isEqualTo(Rejection.Kind.NOT_FOUND));
    }

    @Test
    void aTokenCannotFinishATraceOnAnotherBoard() {
        UUID id = UUID.randomUUID();
        ingest.start(TokenScope.everything(2, "demo"), start(id, TASK_B));
        assertThatThrownBy(() -> ingest.finish(boardA(false), id, new FinishTrace(TraceStatus.COMPLETED, null, null)))
                .isInstanceOfSatisfying(Rejection.class, r -> assertThat(r.kind()).isEqualTo(Rejection.Kind.NOT_FOUND));
    }
}
