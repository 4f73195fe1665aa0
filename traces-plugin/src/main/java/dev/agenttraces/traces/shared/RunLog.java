package dev.agenttraces.traces.shared;

import java.time.Instant;
import java.util.Optional;

/**
 * A log of background runs of which the database lets one run at a time across servers: the recompute jobs and
 * the retention runs. A run is recorded before its work starts, so two admins (or two servers' schedules)
 * asking at once cannot both run, and a run whose server died is failed after a silence rather than blocking
 * every later one.
 *
 * @param <R> the run as read back
 */
public interface RunLog<R> {

    /**
     * Records a running run.
     *
     * @param startedBy who or what asked for it, as the capability records it
     * @throws RuntimeException the capability's "already running" when another run (on any server) is running
     */
    long start(String startedBy);

    /** Fails a running run that has shown no progress since then (its server died); answers how many. */
    int failAbandoned(Instant silentSince);

    void finish(long id);

    /** Fails a running run with this error (null: "unknown error"). */
    void fail(long id, String error);

    Optional<R> latest();
}
