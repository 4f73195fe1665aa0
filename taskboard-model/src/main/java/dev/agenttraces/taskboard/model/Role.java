package dev.agenttraces.taskboard.model;

/** What a user may do beyond reading the boards they are a member of. */
public enum Role {
    /** Manages agents, budgets, plugins and ingest tokens; sees every board. */
    ADMIN,
    /** Approves or rejects task output on the boards they belong to. */
    REVIEWER,
    /** Reads the boards they belong to. */
    VIEWER
}
