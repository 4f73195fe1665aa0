package dev.agenttraces.taskboard.model;

/** Whether the host may dispatch work to an agent. */
public enum AgentStatus {
    ONLINE, PAUSED, OFFLINE
}
