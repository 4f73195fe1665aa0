package dev.agenttraces.traces.pricing.application;

import java.time.Instant;
import java.util.Optional;

/**
 * The log of background recompute jobs, whose single running job the database enforces.
 */
public interface RecomputeJobLog {

    long start(String description);

    int failAbandoned(Instant silentSince);

    void total(long id, int total);

    void finish(long id);

    void fail(long id, String error);

    Optional<RecomputeJob> find(long id);

    Optional<RecomputeJob> latest();
}
