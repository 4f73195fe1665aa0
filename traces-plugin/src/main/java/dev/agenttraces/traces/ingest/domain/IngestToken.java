package dev.agenttraces.traces.ingest.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * An ingest token as the admin page lists it: never the secret, which is only stored hashed. A plain
 * bean rather than a record so Faces EL reads every property the same way.
 */
public final class IngestToken {

    private final long id;
    private final String name;
    private final boolean allAgents;
    private final List<String> agentNames = new ArrayList<>();
    private final String createdBy;
    private final Instant createdAt;
    private final Instant revokedAt;

    public IngestToken(long id, String name, boolean allAgents, String createdBy, Instant createdAt, Instant revokedAt) {
        this.id = id;
        this.name = name;
        this.allAgents = allAgents;
        this.createdBy = createdBy;
        this.createdAt = createdAt;
        this.revokedAt = revokedAt;
    }

    /** Adds an agent this token is bound to (while loading). */
    public void addAgent(String agentName) {
        agentNames.add(agentName);
    }

    public boolean isRevoked() {
        return revokedAt != null;
    }

    /** Agents this token may write for, as one readable line. */
    public String getScope() {
        return allAgents ? "all agents" : String.join(", ", agentNames);
    }

    public long getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public boolean isAllAgents() {
        return allAgents;
    }

    public String getCreatedBy() {
        return createdBy;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getRevokedAt() {
        return revokedAt;
    }
}
