package dev.agenttraces.traces.insight.application;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The ingest hook into {@link TraceFlagging}, off the request: a committed batch marks its trace and one refresh
 * runs {@code agent.traces.insight.refresh-delay-ms} later for every batch that arrived meanwhile. Why: flagging
 * read the batch back, ran the detectors and diffed the trace's flags on the request thread, a third of an ingest
 * request's CPU in the ingest benchmark (BENCHMARKS.md); a running agent sends batches back to back, so one refresh
 * per delay serves several batches and the agent gets its 207 as soon as the steps are committed.
 *
 * <p>Nothing is lost by waiting: the steps are committed, and a view that opens a trace whose flags are behind its
 * steps recomputes them on the spot ({@link TraceFlagging#current}); a refresh lost to a shutdown is caught up by
 * the next batch, the next view or the start-up backfill. A delay of {@code 0} refreshes on the caller's thread.
 */
@ApplicationScoped
public class FlagRefreshes {

    /** Runs a task after a delay in milliseconds; refuses with {@link RejectedExecutionException}. */
    interface Scheduler {
        void schedule(Runnable task, long delayMs);
    }

    @Resource
    ManagedScheduledExecutorService executor;

    @Inject
    TraceFlagging flagging;

    @Inject
    @ConfigProperty(name = "agent.traces.insight.refresh-delay-ms", defaultValue = "500")
    long delayMs;

    private Scheduler scheduler;
    private Consumer<UUID> arrived;
    private Consumer<UUID> rewrittenHook;
    private final Set<UUID> pending = ConcurrentHashMap.newKeySet();
    private final Set<UUID> rewritten = ConcurrentHashMap.newKeySet();

    public FlagRefreshes() {
    }

    /** For tests: {@code arrived} and {@code rewritten} stand for TraceFlagging's two hooks. */
    FlagRefreshes(Scheduler scheduler, long delayMs, Consumer<UUID> arrived, Consumer<UUID> rewritten) {
        this.scheduler = scheduler;
        this.delayMs = delayMs;
        this.arrived = arrived;
        this.rewrittenHook = rewritten;
    }

    /** Refreshes on the caller's thread through the given hooks (a store without insights, in tests). */
    public static FlagRefreshes inline(Consumer<UUID> arrived, Consumer<UUID> rewritten) {
        return new FlagRefreshes((task, delay) -> task.run(), 0, arrived, rewritten);
    }

    @PostConstruct
    void wire() {
        scheduler = (task, delay) -> executor.schedule(task, delay, TimeUnit.MILLISECONDS);
        arrived = flagging::stepsArrived;
        rewrittenHook = flagging::stepsRewritten;
    }

    /** New steps of {@code trace} were committed. Never throws. */
    public void stepsArrived(UUID trace) {
        request(trace);
    }

    /** Stored steps of {@code trace} were replaced in place: its flags are recomputed from its steps. Never throws. */
    public void stepsRewritten(UUID trace) {
        rewritten.add(trace);
        request(trace);
    }

    private void request(UUID trace) {
        if (delayMs <= 0) {
            refresh(trace);
        } else if (pending.add(trace)) {
            try {
                scheduler.schedule(() -> refresh(trace), delayMs);
            } catch (RejectedExecutionException e) { // shutting down, or the pool is full: do it now
                refresh(trace);
            }
        }
    }

    /**
     * Unmarks the trace before refreshing, so a batch committed during the refresh asks for another one: the
     * refresh reads the stored steps, and may or may not see that batch's.
     */
    private void refresh(UUID trace) {
        pending.remove(trace);
        if (rewritten.remove(trace)) {
            rewrittenHook.accept(trace);
        } else {
            arrived.accept(trace);
        }
    }
}
