package dev.agenttraces.traces.trace.domain;

import java.io.Serializable;

/** The host task a trace belongs to, as far as the trace views need it. */
public record TaskRef(long id, String title, long boardId) implements Serializable {
}
