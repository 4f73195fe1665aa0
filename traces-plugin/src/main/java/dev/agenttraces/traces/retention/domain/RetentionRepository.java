package dev.agenttraces.traces.retention.domain;

import java.time.Instant;
import java.util.List;

/** The boards' retention settings and the traces a cutoff catches. */
public interface RetentionRepository {

    /** Every board with its own setting (null when it has none), by name. */
    List<BoardPolicy> boards();

    /**
     * Sets a board's own period, or removes it (null: the global period applies again).
     *
     * @return false when there is no such board
     */
    boolean setDays(long boardId, Integer days, String by);

    /** What removing the board's traces that started before the cutoff would remove. */
    Removable removable(long boardId, Instant cutoff);

    /**
     * Removes at most {@code limit} of the board's traces that started before the cutoff, with their steps and
     * every dependent row, and subtracts them from the spend rollups, in one transaction of its own.
     */
    RemovedBatch removeBatch(long boardId, Instant cutoff, int limit);
}
