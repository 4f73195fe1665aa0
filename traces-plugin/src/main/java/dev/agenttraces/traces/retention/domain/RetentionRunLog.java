package dev.agenttraces.traces.retention.domain;

import java.time.Instant;
import java.util.Optional;

/** The log of retention runs, whose single running run the database enforces across servers. */
public interface RetentionRunLog {

    /**
     * Records a running run.
     *
     * @throws RetentionAlreadyRunning when another run (on any server) is running
     */
    long start(String startedBy);

    /** Fails a running run that has shown no progress since then (its server died); answers how many. */
    int failAbandoned(Instant silentSince);

    void progress(long id, RemovedBatch batch);

    void finish(long id);

    void fail(long id, String error);

    Optional<RetentionRun> latest();
}
