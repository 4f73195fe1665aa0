package dev.agenttraces.taskboard.host.contract;

import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class FrameContextTest {

    /** Boards 1 (member) and 2 (not a member); task 10 on board 1, task 20 on board 2; agent 7. */
    private final FrameContext.Lookup lookup = new FrameContext.Lookup() {
        private final Map<Long, Long> tasks = Map.of(10L, 1L, 20L, 2L);

        @Override
        public OptionalLong boardOfTask(long taskId) {
            return tasks.containsKey(taskId) ? OptionalLong.of(tasks.get(taskId)) : OptionalLong.empty();
        }

        @Override
        public boolean boardExists(long boardId) {
            return Set.of(1L, 2L).contains(boardId);
        }

        @Override
        public boolean canSeeBoard(long boardId) {
            return boardId == 1L;
        }

        @Override
        public boolean agentExists(long agentId) {
            return agentId == 7L;
        }
    };

    private Integer status(String task, String board, String agent) {
        return FrameContext.check(task, board, agent, lookup).map(FrameContext.Refusal::status).orElse(null);
    }

    private String field(String task, String board, String agent) {
        return FrameContext.check(task, board, agent, lookup).map(FrameContext.Refusal::field).orElse(null);
    }

    @Test
    void visibleContextPasses() {
        assertThat(status("10", "1", "7")).isNull();
        assertThat(status(null, "", "")).isNull();
        assertThat(status("", "1", null)).isNull();
    }

    @Test
    void nonNumericValuesAre400() {
        for (String bad : new String[]{"abc", "-1", "0", "1e3", "1 OR 1=1", "99999999999999999999", "1/../2"}) {
            assertThat(status(null, bad, null)).as(bad).isEqualTo(400);
            assertThat(status(null, null, bad)).as(bad).isEqualTo(400);
            assertThat(status(bad, null, null)).as(bad).isEqualTo(400);
            assertThat(field(null, bad, null)).as(bad).isEqualTo("board");
            assertThat(field(null, null, bad)).as(bad).isEqualTo("agent");
            assertThat(field(bad, "1", "7")).as(bad).isEqualTo("task");
        }
    }

    @Test
    void eachRefusalNamesTheParameterItRefuses() {
        assertThat(field("20", null, null)).isEqualTo("task");
        assertThat(field("10", "2", null)).isEqualTo("board");
        assertThat(field(null, "2", null)).isEqualTo("board");
        assertThat(field(null, "3", null)).isEqualTo("board");
        assertThat(field(null, null, "8")).isEqualTo("agent");
        assertThat(field("10", "1", "7")).isNull();
    }

    @Test
    void aBoardTheUserIsNotOnIs403AndAMissingOneIs404() {
        assertThat(status(null, "2", null)).isEqualTo(403);
        assertThat(status(null, "3", null)).isEqualTo(404);
    }

    @Test
    void aHiddenOrMissingTaskIs404() {
        assertThat(status("20", null, null)).isEqualTo(404);
        assertThat(status("30", null, null)).isEqualTo(404);
    }

    @Test
    void aBoardThatIsNotTheTasksIs400() {
        Optional<FrameContext.Refusal> r = FrameContext.check("10", "2", null, lookup);
        assertThat(r).get().extracting(FrameContext.Refusal::status).isEqualTo(400);
    }

    @Test
    void aMissingAgentIs404() {
        assertThat(status(null, null, "8")).isEqualTo(404);
    }
}
