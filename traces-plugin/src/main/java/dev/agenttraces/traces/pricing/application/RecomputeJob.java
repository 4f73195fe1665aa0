package dev.agenttraces.traces.pricing.application;

import java.io.Serializable;
import java.time.Instant;

/** A recomputation as persisted in recompute_job, so progress survives a page reload. */
public record RecomputeJob(long id, Status status, String description, int total, int done, Instant startedAt,
                           Instant finishedAt, String error) implements Serializable {

    public enum Status { RUNNING, DONE, FAILED }

    public boolean running() {
        return status == Status.RUNNING;
    }

    /** 0–100 for the progress bar; 100 once finished, even for an empty job. */
    public int percent() {
        if (status != Status.RUNNING) {
            return 100;
        }
        return total == 0 ? 0 : (int) Math.min(99, done * 100L / total);
    }
}
