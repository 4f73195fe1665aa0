package dev.agenttraces.traces.retention.domain;

import dev.agenttraces.traces.shared.RunLog;

/**
 * The log of retention runs, whose single running run the database enforces across servers ({@link RunLog};
 * {@link #start} throws {@link RetentionAlreadyRunning}).
 */
public interface RetentionRunLog extends RunLog<RetentionRun> {

    /** Adds what one batch removed to the run's totals. */
    void progress(long id, RemovedBatch batch);
}
