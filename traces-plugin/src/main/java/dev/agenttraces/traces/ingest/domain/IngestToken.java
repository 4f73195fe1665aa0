package dev.agenttraces.traces.ingest.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * An ingest token as the admin page lists it: never the secret, which is only stored hashed. A plain
 * bean rather than a record so Faces EL reads every property the same way.
 */
public final class IngestToken implements java.io.Serializable {

    private final long id;
    private final String name;
    private final boolean allAgents;
    private final List<String> agentNames = new ArrayList<>();
    private final List<String> boardNames = new ArrayList<>();
    private final Flags flags;
    private final String createdBy;
    private final Instant createdAt;
    private final Instant revokedAt;

    /** The token's board binding and kind: every board or its listed ones, assigned tasks only, demo. */
    public record Flags(boolean allBoards, boolean assignedTasksOnly, boolean demo) implements java.io.Serializable {
    }

    public IngestToken(long id, String name, boolean allAgents, String createdBy, Instant createdAt, Instant revokedAt,
                       Flags flags) {
        this.flags = flags;
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

    /** Adds a board this token is bound to (while loading). */
    public void addBoard(String boardName) {
        boardNames.add(boardName);
    }

    /** Boards this token may write on, as one readable line. */
    public String getBoardScope() {
        String boards = flags.allBoards() ? "all boards" : String.join(", ", boardNames);
        return flags.assignedTasksOnly() ? boards + " (assigned tasks only)" : boards;
    }

    public boolean isDemo() {
        return flags.demo();
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
