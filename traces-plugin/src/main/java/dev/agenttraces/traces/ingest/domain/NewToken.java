package dev.agenttraces.traces.ingest.domain;

import java.util.Collection;
import java.util.Set;

/**
 * An ingest token to store: its name, the SHA-256 of its value (never the value), the agents and boards it
 * is bound to (empty when bound to all), whether it only writes on tasks assigned to its agents, and
 * whether it is the demo's token (revoked at start when demo mode is off).
 */
public record NewToken(String name, String hash, boolean allAgents, Collection<Long> agentIds, boolean allBoards,
                       Collection<Long> boardIds, boolean assignedTasksOnly, boolean demo, String createdBy) {

    public NewToken {
        agentIds = allAgents ? Set.of() : Set.copyOf(agentIds);
        boardIds = allBoards ? Set.of() : Set.copyOf(boardIds);
    }
}
