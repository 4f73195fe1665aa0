package dev.agenttraces.traces.ingest.domain;

import java.util.Set;

/**
 * What an ingest token may do: write traces for the listed agents (or every agent), on tasks of the
 * listed boards (or every board), and, when {@code assignedTasksOnly}, only on tasks assigned to the agent
 * it writes for. A leaked token therefore only lets its holder forge traces for its own agents on its own
 * boards; before, any token could start a trace on any task of any board.
 */
public record TokenScope(long tokenId, String name, boolean allAgents, Set<Long> agentIds, boolean allBoards,
                         Set<Long> boardIds, boolean assignedTasksOnly) {

    public TokenScope {
        agentIds = Set.copyOf(agentIds);
        boardIds = Set.copyOf(boardIds);
    }

    /** A token for every agent and every board (the demo's). */
    public static TokenScope everything(long tokenId, String name) {
        return new TokenScope(tokenId, name, true, Set.of(), true, Set.of(), false);
    }

    public boolean mayWriteFor(long agentId) {
        return allAgents || agentIds.contains(agentId);
    }

    public boolean mayWriteOn(long boardId) {
        return allBoards || boardIds.contains(boardId);
    }

    /** Whether a trace of {@code agentId} may go on a task of {@code boardId} assigned to {@code assignee}. */
    public boolean mayWriteOnTask(long boardId, Long assignee, long agentId) {
        return mayWriteOn(boardId) && (!assignedTasksOnly || assignee != null && assignee == agentId);
    }
}
