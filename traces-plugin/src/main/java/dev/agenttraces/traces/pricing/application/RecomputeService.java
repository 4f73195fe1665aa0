package dev.agenttraces.traces.pricing.application;

import dev.agenttraces.traces.pricing.domain.TracesRepriced;
import dev.agenttraces.traces.shared.BatchRetry;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Recomputes the costs of the traces a catalogue change affects, in the background: the job is recorded
 * first (the database refuses a second running job), then the affected traces are re-priced with the
 * same {@link StepPricer} as ingest, in chunks that commit on their own and advance the job's progress.
 */
@ApplicationScoped
public class RecomputeService {

    private static final Logger LOG = Logger.getLogger(RecomputeService.class.getName());

    @Resource
    ManagedExecutorService executor;

    @Inject
    RecomputeJobLog jobs;

    @Inject
    TraceRepricing repricer;

    @Inject
    StepPricer pricer;

    @Inject
    Event<TracesRepriced> repriced;

    @Inject
    @ConfigProperty(name = "agent.traces.pricing.recompute.chunk-size", defaultValue = "100")
    int chunkSize;

    @Inject
    @ConfigProperty(name = "agent.traces.pricing.recompute.abandoned-after-seconds", defaultValue = "600")
    long abandonedAfterSeconds;

    /**
     * Starts a recomputation.
     *
     * @return the job's id, to follow its progress
     * @throws RecomputeAlreadyRunning when another job is running
     */
    public long start(RecomputeScope scope) {
        jobs.failAbandoned(Instant.now().minusSeconds(abandonedAfterSeconds));
        long id = jobs.start(scope.describe());
        executor.submit(() -> run(id, scope));
        return id;
    }

    public Optional<RecomputeJob> find(long id) {
        return jobs.find(id);
    }

    public Optional<RecomputeJob> latest() {
        return jobs.latest();
    }

    private void run(long id, RecomputeScope scope) {
        try {
            List<UUID> traces = repricer.affectedTraces(scope);
            jobs.total(id, traces.size());
            int size = Math.max(1, chunkSize);
            for (int i = 0; i < traces.size(); i += size) {
                repriceWithRetry(id, traces.subList(i, Math.min(traces.size(), i + size)));
            }
            jobs.finish(id);
            LOG.info(() -> "Recomputed the costs of " + traces.size() + " traces (" + scope.describe() + ")");
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Recompute job " + id + " failed", e);
            jobs.fail(id, e.getMessage());
        }
    }

    private void repriceWithRetry(long id, List<UUID> chunk) {
        BatchRetry.run(LOG, "Retrying a recompute chunk", () -> {
            repricer.repriceChunk(id, List.copyOf(chunk), pricer);
            repriced.fire(new TracesRepriced(chunk));
            return chunk;
        });
    }
}
