package dev.agenttraces.traces.hostcontract;

import java.util.Set;

/**
 * Who is looking, as the host vouched for them in its signed token, and which boards they may see.
 * Membership is read by the plugin itself from the shared tables, never trusted from the token, so
 * every page and every read API filters through {@link #canSeeBoard(long)} / {@link #boardIds()}.
 */
public interface Viewer {

    String username();

    boolean isAdmin();

    /** The boards this user is a member of (every board for an admin). */
    Set<Long> boardIds();

    default boolean canSeeBoard(long boardId) {
        return boardIds().contains(boardId);
    }
}
