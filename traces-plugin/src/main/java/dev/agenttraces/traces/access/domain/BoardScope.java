package dev.agenttraces.traces.access.domain;

import java.util.Set;

/**
 * Which boards' tasks a reader may see: all of them (admins) or the boards they are a member of. The
 * one board-visibility rule of the plugin: every read query, totals included, applies
 * {@link #condition(String)}, so nothing of a foreign board leaks, not even folded into a sum.
 */
public record BoardScope(boolean all, Set<Long> boardIds) {

    private static final BoardScope NONE = new BoardScope(false, Set.of());
    private static final BoardScope ALL = new BoardScope(true, Set.of());

    public BoardScope {
        boardIds = Set.copyOf(boardIds);
    }

    public static BoardScope everything() {
        return ALL;
    }

    public static BoardScope none() {
        return NONE;
    }

    public static BoardScope of(Set<Long> boardIds) {
        return new BoardScope(false, boardIds);
    }

    public boolean canSee(long boardId) {
        return all || boardIds.contains(boardId);
    }

    public boolean isEmpty() {
        return !all && boardIds.isEmpty();
    }

    /**
     * The condition on a board id path, valid in JPQL and in SQL alike, e.g. {@code k.board.id in (1, 2)}
     * or {@code tk.board_id in (1, 2)}. Ids are numbers written by this method, never text from a request.
     */
    public String condition(String boardIdPath) {
        if (all) {
            return "1 = 1";
        }
        if (boardIds.isEmpty()) {
            return "1 = 0";
        }
        StringBuilder sql = new StringBuilder(boardIdPath).append(" in (");
        boolean first = true;
        for (Long id : boardIds) {
            sql.append(first ? "" : ", ").append(id.longValue());
            first = false;
        }
        return sql.append(')').toString();
    }
}
