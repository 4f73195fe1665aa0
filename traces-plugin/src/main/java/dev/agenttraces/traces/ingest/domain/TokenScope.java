package dev.agenttraces.traces.ingest.domain;

import java.util.Set;

/**
 * What an ingest token may do: write traces for the listed agents, or for every agent. A leaked
 * token therefore only lets its holder forge traces for the agents it was issued for.
 */
public record TokenScope(long tokenId, String name, boolean allAgents, Set<Long> agentIds) {

    public TokenScope {
        agentIds = Set.copyOf(agentIds);
    }

    public boolean mayWriteFor(long agentId) {
        return allAgents || agentIds.contains(agentId);
    }
}
