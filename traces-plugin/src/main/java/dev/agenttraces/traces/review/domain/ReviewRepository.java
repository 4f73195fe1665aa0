package dev.agenttraces.traces.review.domain;

import dev.agenttraces.traces.access.domain.BoardScope;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The reads a review summary needs beyond the trace model, always within the reader's board scope. */
public interface ReviewRepository {

    Optional<TaskBrief> brief(long taskId, BoardScope scope);

    /**
     * The total cost of each other task the agent worked on, on the same board (the similarity a review's
     * "cost against the agent's median" uses), most recently started first, at most {@code limit} tasks.
     */
    List<BigDecimal> similarTaskCosts(long agentId, long boardId, long exceptTaskId, int limit);

    /** The trace's system instructions: its first system step, else the system message of its first LLM call. */
    Optional<String> systemInstructions(UUID trace);

    /** The tools the trace called, most called first. */
    List<ToolUse> toolUses(UUID trace);
}
