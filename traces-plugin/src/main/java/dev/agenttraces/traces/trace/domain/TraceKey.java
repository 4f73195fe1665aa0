package dev.agenttraces.traces.trace.domain;

import java.util.UUID;

/**
 * Where a keyset page of an agent's traces resumes: the sort key's value of the last trace shown (null for a
 * trace without one, e.g. a running trace's duration) and its id, the tiebreak, so traces sharing a value are
 * neither skipped nor repeated when the next page is read.
 */
public record TraceKey(Object value, UUID id) {

    public TraceKey {
        java.util.Objects.requireNonNull(id, "id");
    }
}
