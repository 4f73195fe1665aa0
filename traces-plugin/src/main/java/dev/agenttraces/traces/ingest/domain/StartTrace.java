package dev.agenttraces.traces.ingest.domain;

import java.time.Instant;
import java.util.UUID;

/** A request to start a trace; {@code id} is the client's own when it wants replays to be no-ops. */
public record StartTrace(UUID id, long taskId, long agentId, String model, String provider, Instant startedAt) {
}
