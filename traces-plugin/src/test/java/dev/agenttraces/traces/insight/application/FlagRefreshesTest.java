package dev.agenttraces.traces.insight.application;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.RejectedExecutionException;

import static org.assertj.core.api.Assertions.assertThat;

/** The ingest hook's coalescing: one refresh per delay for the batches of a trace, none lost. */
class FlagRefreshesTest {

    private final List<Runnable> scheduled = new ArrayList<>();
    private final List<String> refreshes = new ArrayList<>();
    private final UUID trace = UUID.randomUUID();
    private final UUID other = UUID.randomUUID();

    private FlagRefreshes refreshes(long delayMs) {
        return new FlagRefreshes((task, delay) -> scheduled.add(task), delayMs,
                t -> refreshes.add("arrived " + name(t)), t -> refreshes.add("rewritten " + name(t)));
    }

    private String name(UUID t) {
        return t.equals(trace) ? "trace" : "other";
    }

    private void runScheduled() {
        List<Runnable> due = new ArrayList<>(scheduled);
        scheduled.clear();
        due.forEach(Runnable::run);
    }

    @Test
    void batchesOfATraceWithinTheDelayShareOneRefresh() {
        FlagRefreshes hook = refreshes(500);
        hook.stepsArrived(trace);
        hook.stepsArrived(trace);
        hook.stepsArrived(other);
        hook.stepsArrived(trace);

        assertThat(refreshes).as("nothing on the request thread").isEmpty();
        assertThat(scheduled).hasSize(2);
        runScheduled();
        assertThat(refreshes).containsExactly("arrived trace", "arrived other");
    }

    @Test
    void aBatchAfterTheRefreshStartedAsksForAnotherOne() {
        FlagRefreshes hook = refreshes(500);
        hook.stepsArrived(trace);
        runScheduled();
        hook.stepsArrived(trace);

        assertThat(scheduled).hasSize(1);
        runScheduled();
        assertThat(refreshes).containsExactly("arrived trace", "arrived trace");
    }

    @Test
    void aRewriteAmongTheBatchesRecomputesFromTheSteps() {
        FlagRefreshes hook = refreshes(500);
        hook.stepsArrived(trace);
        hook.stepsRewritten(trace);
        hook.stepsArrived(trace);
        runScheduled();
        hook.stepsArrived(trace);
        runScheduled();

        assertThat(refreshes).containsExactly("rewritten trace", "arrived trace");
    }

    @Test
    void aZeroDelayRefreshesOnTheCallersThread() {
        FlagRefreshes hook = refreshes(0);
        hook.stepsArrived(trace);
        hook.stepsRewritten(trace);

        assertThat(scheduled).isEmpty();
        assertThat(refreshes).containsExactly("arrived trace", "rewritten trace");
    }

    @Test
    void aRefusedScheduleRefreshesAtOnceAndLeavesNothingPending() {
        FlagRefreshes hook = new FlagRefreshes((task, delay) -> {
            throw new RejectedExecutionException("shutting down");
        }, 500, t -> refreshes.add("arrived"), t -> refreshes.add("rewritten"));
        hook.stepsArrived(trace);
        hook.stepsArrived(trace);

        assertThat(refreshes).containsExactly("arrived", "arrived");
    }
}
