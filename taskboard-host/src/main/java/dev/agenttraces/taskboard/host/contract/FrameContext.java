package dev.agenttraces.taskboard.host.contract;

import java.util.Optional;
import java.util.OptionalLong;

/**
 * Whether the signed-in user may be handed a frame URL for these context values. The token the host
 * signs vouches for them, so each is checked here first: ids must be positive numbers (else 400), a task
 * must exist on a board the user sees (else 404, as for a task page, so other boards' task ids stay
 * unknown), a board must exist (404) and be one the user sees (403, as the board page answers), an agent
 * must exist (404), and a board given with a task must be that task's board (400).
 */
final class FrameContext {

    /** What the check needs to know from the database and the user's memberships. */
    interface Lookup {
        /** The board of the task, if the task exists. */
        OptionalLong boardOfTask(long taskId);

        boolean boardExists(long boardId);

        boolean canSeeBoard(long boardId);

        boolean agentExists(long agentId);
    }

    /** Why no URL is handed out: the HTTP status, the parameter refused and a message for the caller. */
    record Refusal(int status, String field, String message) {
    }

    private FrameContext() {
    }

    static Optional<Refusal> check(String task, String board, String agent, Lookup lookup) {
        OptionalLong taskId;
        OptionalLong boardId;
        OptionalLong agentId;
        try {
            taskId = id("task", task);
            boardId = id("board", board);
            agentId = id("agent", agent);
        } catch (BadId e) {
            return Optional.of(new Refusal(400, e.field, e.getMessage()));
        }
        if (taskId.isPresent()) {
            OptionalLong taskBoard = lookup.boardOfTask(taskId.getAsLong());
            if (taskBoard.isEmpty() || !lookup.canSeeBoard(taskBoard.getAsLong())) {
                return Optional.of(new Refusal(404, "task", "No such task"));
            }
            if (boardId.isPresent() && boardId.getAsLong() != taskBoard.getAsLong()) {
                return Optional.of(new Refusal(400, "board", "board is not the task's board"));
            }
        }
        if (boardId.isPresent() && !lookup.boardExists(boardId.getAsLong())) {
            return Optional.of(new Refusal(404, "board", "No such board"));
        }
        if (boardId.isPresent() && !lookup.canSeeBoard(boardId.getAsLong())) {
            return Optional.of(new Refusal(403, "board", "You are not a member of this board"));
        }
        if (agentId.isPresent() && !lookup.agentExists(agentId.getAsLong())) {
            return Optional.of(new Refusal(404, "agent", "No such agent"));
        }
        return Optional.empty();
    }

    /** Absent when blank (pages pass empty values for context they do not have). */
    private static OptionalLong id(String name, String value) {
        if (value == null || value.isBlank()) {
            return OptionalLong.empty();
        }
        if (value.length() > 18 || !value.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new BadId(name);
        }
        long id = Long.parseLong(value);
        if (id <= 0) {
            throw new BadId(name);
        }
        return OptionalLong.of(id);
    }

    /** A context parameter that is not a positive whole number. */
    private static final class BadId extends IllegalArgumentException {
        final String field;

        BadId(String field) {
            super(field + " must be a positive whole number");
            this.field = field;
        }
    }
}
