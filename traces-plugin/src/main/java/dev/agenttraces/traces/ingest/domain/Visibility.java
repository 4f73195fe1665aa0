package dev.agenttraces.traces.ingest.domain;

import java.util.Set;

/**
 * Which boards' tasks a reader may see: all (admins) or the boards they are a member of. Every read
 * query filters through this, totals included, so nothing of a foreign board leaks through sums.
 */
public record Visibility(boolean all, Set<Long> boardIds) {

    public Visibility {
        boardIds = Set.copyOf(boardIds);
    }

    public static Visibility everything() {
        return new Visibility(true, Set.of());
    }

    /** SQL condition on a task alias, e.g. {@code tk.board_id in (1, 2)}; ids are numbers, never text. */
    public String condition(String taskAlias) {
        if (all) {
            return "1 = 1";
        }
        if (boardIds.isEmpty()) {
            return "1 = 0";
        }
        StringBuilder sql = new StringBuilder(taskAlias).append(".board_id in (");
        boolean first = true;
        for (Long id : boardIds) {
            sql.append(first ? "" : ", ").append(id.longValue());
            first = false;
        }
        return sql.append(')').toString();
    }
}
