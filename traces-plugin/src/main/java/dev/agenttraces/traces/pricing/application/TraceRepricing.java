package dev.agenttraces.traces.pricing.application;

import java.util.List;
import java.util.UUID;

/**
 * Reprices stored steps and their traces' totals in chunks, each chunk one transaction.
 */
public interface TraceRepricing {

    List<UUID> affectedTraces(RecomputeScope scope);

    void repriceChunk(long jobId, List<UUID> traceIds, StepPricer pricer);
}
