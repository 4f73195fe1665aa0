package dev.agenttraces.traces.ingest.application;

import dev.agenttraces.traces.ingest.domain.StartTrace;
import dev.agenttraces.traces.ingest.domain.TokenScope;
import dev.agenttraces.traces.shared.Rejection;
import dev.agenttraces.traces.trace.domain.FinishTrace;
import dev.agenttraces.traces.trace.domain.TraceStatus;
import dev.agenttraces.traces.trace.domain.TraceStore;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Set;
import java.util.UUID;

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

    static final Map<Long, TraceStore.TaskPlacement> TASKS = Map.of(TASK_A, new TraceStore.TaskPlacement(BOARD_A, AGENT),
            TASK_B, new TraceStore.TaskPlacement(BOARD_B, AGENT), TASK_A_OTHER_ASSIGNEE, new TraceStore.TaskPlacement(BOARD_A, 99L));

    private final FakeTraceStore store = new FakeTraceStore(TASKS);
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
