package dev.agenttraces.traces.retention.domain;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.Instant;

/** A retention run as recorded in {@code retention_run}: who started it (a username or "schedule") and what it removed. */
public record RetentionRun(long id, Status status, String startedBy, long traces, long steps, BigDecimal cost,
                           Instant startedAt, Instant finishedAt, String error) implements Serializable {

    public enum Status { RUNNING, DONE, FAILED }

    public boolean running() {
        return status == Status.RUNNING;
    }
}
