package dev.agenttraces.traces.retention.application;

import dev.agenttraces.traces.retention.domain.BoardPolicy;
import dev.agenttraces.traces.retention.domain.Removable;
import dev.agenttraces.traces.retention.domain.RemovedBatch;
import dev.agenttraces.traces.retention.domain.RetentionAlreadyRunning;
import dev.agenttraces.traces.retention.domain.RetentionPreview;
import dev.agenttraces.traces.retention.domain.RetentionRepository;
import dev.agenttraces.traces.retention.domain.RetentionRule;
import dev.agenttraces.traces.retention.domain.RetentionRun;
import dev.agenttraces.traces.retention.domain.RetentionRunLog;
import dev.agenttraces.traces.shared.BatchRetry;
import dev.agenttraces.traces.shared.Rejection;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Retention: the preview of the next run, the boards' own periods, and the run. A run is recorded first (the
 * database refuses a second running run, on any server), then each board's old traces are removed batch after
 * batch, each batch a short transaction of its own, so ingest never waits long for a lock a run holds.
 */
@ApplicationScoped
public class RetentionService {

    /** Who started a run the schedule started. */
    public static final String SCHEDULE = "schedule";
    private static final Logger LOG = Logger.getLogger(RetentionService.class.getName());

    @Resource
    ManagedExecutorService executor;

    @Inject
    RetentionRepository repository;

    @Inject
    RetentionRunLog runs;

    @Inject
    RetentionSettings settings;

    public int globalDays() {
        return settings.days();
    }

    /** Every board, with what a run started now would remove from it. */
    public List<RetentionPreview> preview(Instant now) {
        List<RetentionPreview> out = new ArrayList<>();
        for (BoardPolicy board : repository.boards()) {
            Optional<Instant> cutoff = RetentionRule.cutoff(board.days(), settings.days(), now);
            Removable removable = cutoff.map(c -> repository.removable(board.boardId(), c)).orElse(Removable.NOTHING);
            out.add(new RetentionPreview(board, RetentionRule.effectiveDays(board.days(), settings.days()),
                    cutoff.orElse(null), removable));
        }
        return out;
    }

    /** Sets a board's own period (null: back to the global one); 400 outside 0–36500, 404 for no such board. */
    public void setBoardDays(long boardId, Integer days, String by) {
        if (!RetentionRule.isValid(days)) {
            throw Rejection.invalid("days", "A retention period is 0 (keep forever) to " + RetentionRule.MAX_DAYS
                    + " days, or empty for the global period.");
        }
        if (!repository.setDays(boardId, days, by)) {
            throw Rejection.notFound("No board " + boardId + ".");
        }
    }

    public Optional<RetentionRun> latest() {
        return runs.latest();
    }

    /**
     * Starts a run in the background.
     *
     * @return the run's id
     * @throws RetentionAlreadyRunning when a run is running, here or on another server
     */
    public long start(String startedBy) {
        runs.failAbandoned(Instant.now().minusSeconds(settings.abandonedAfterSeconds()));
        long id = runs.start(startedBy);
        executor.submit(() -> run(id));
        return id;
    }

    /** The schedule's run, in the caller's thread: nothing when no period is in force or a run is running. */
    public void runScheduled() {
        if (settings.days() == 0 && repository.boards().stream().allMatch(b -> b.days() == null || b.days() == 0)) {
            return;
        }
        long id;
        try {
            runs.failAbandoned(Instant.now().minusSeconds(settings.abandonedAfterSeconds()));
            id = runs.start(SCHEDULE);
        } catch (RetentionAlreadyRunning e) {
            return; // another server (or an admin) runs it
        }
        run(id);
    }

    private void run(long id) {
        try {
            Instant now = Instant.now();
            long removed = 0;
            for (BoardPolicy board : repository.boards()) {
                Optional<Instant> cutoff = RetentionRule.cutoff(board.days(), settings.days(), now);
                if (cutoff.isPresent()) {
                    removed += removeOlder(id, board.boardId(), cutoff.get());
                }
            }
            runs.finish(id);
            long total = removed;
            LOG.info(() -> "Retention run " + id + " removed " + total + " traces");
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Retention run " + id + " failed", e);
            runs.fail(id, e.getMessage());
        }
    }

    private long removeOlder(long id, long boardId, Instant cutoff) {
        int size = settings.batchSize();
        long removed = 0;
        RemovedBatch batch;
        do {
            batch = removeWithRetry(boardId, cutoff, size);
            runs.progress(id, batch);
            removed += batch.traces();
        } while (batch.traces() >= size);
        return removed;
    }

    private RemovedBatch removeWithRetry(long boardId, Instant cutoff, int size) {
        return BatchRetry.run(LOG, "Retrying a retention batch", () -> repository.removeBatch(boardId, cutoff, size));
    }
}
