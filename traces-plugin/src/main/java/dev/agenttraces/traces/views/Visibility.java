package dev.agenttraces.traces.views;

import dev.agenttraces.traces.hostcontract.Viewer;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

import java.util.Set;

/**
 * The boards the current viewer may see, for the screens' queries. Without a viewer (no identity the
 * host vouched for) the answer is "none": the pages then show nothing rather than everything, because
 * a user must never see a task of a board they are not a member of.
 */
@RequestScoped
public class Visibility {

    @Inject
    Viewer viewer;

    private Set<Long> boards;

    public Set<Long> boards() {
        if (boards == null) {
            boards = isSignedIn() ? Set.copyOf(viewer.boardIds()) : Set.of();
        }
        return boards;
    }

    public boolean isSignedIn() {
        return viewer.username() != null;
    }

    public boolean isAdmin() {
        return isSignedIn() && viewer.isAdmin();
    }
}
