package dev.agenttraces.traces.retention.domain;

import java.io.Serializable;

/** A board and its own retention period in days; {@code days} null means the global period applies. */
public record BoardPolicy(long boardId, String boardName, Integer days) implements Serializable {
}
