package dev.agenttraces.traces.ingest.domain;

import java.time.Instant;
import java.util.List;

/** An ingest token as the admin page lists it: never the secret, which is only stored hashed. */
public record IngestToken(long id, String name, boolean allAgents, List<String> agentNames,
                          String createdBy, Instant createdAt, Instant revokedAt) {

    public boolean isRevoked() {
        return revokedAt != null;
    }

    /** Agents this token may write for, as one readable line. */
    public String getScope() {
        return allAgents ? "all agents" : String.join(", ", agentNames);
    }

    // Bean-style accessors for Faces EL.
    public long getId() {
        return id;
    }

    public String getName() {
        return name;
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
