package dev.agenttraces.traces.trace.domain;

import java.io.Serializable;
import java.time.Instant;

/** Where a step sits in its trace's tree: its parent (null at the top level) and when it started. */
public record StepLink(int seq, Integer parentSeq, Instant startedAt) implements Serializable {
}
