package dev.agenttraces.traces.pricing.application;

import dev.agenttraces.traces.shared.RunLog;

import java.util.Optional;

/**
 * The log of background recompute jobs, whose single running job the database enforces ({@link RunLog};
 * {@link #start} throws {@link RecomputeAlreadyRunning}).
 */
public interface RecomputeJobLog extends RunLog<RecomputeJob> {

    /** How many traces the job will reprice, once they are known. */
    void total(long id, int total);

    Optional<RecomputeJob> find(long id);
}
