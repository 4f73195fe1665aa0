package dev.agenttraces.traces.views;

import dev.agenttraces.traces.hostcontract.Viewer;
import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import java.util.Set;

/**
 * The boards the current viewer may see, for the screens' queries. Without a viewer (no valid host
 * token, or the contract not deployed) the answer is "none": the pages then show nothing rather than
 * everything, because a user must never see a task of a board they are not a member of.
 */
@RequestScoped
public class Visibility {

    @Inject
    Instance<Viewer> viewer;

    private Set<Long> boards;

    public Set<Long> boards() {
        if (boards == null) {
            boards = resolve();
        }
        return boards;
    }

    public boolean isSignedIn() {
        return !boards().isEmpty() || current() != null;
    }

    public boolean isAdmin() {
        Viewer v = current();
        return v != null && v.isAdmin();
    }

    private Set<Long> resolve() {
        Viewer v = current();
        try {
            return v == null ? Set.of() : Set.copyOf(v.boardIds());
        } catch (RuntimeException notSignedIn) {
            return Set.of();
        }
    }

    private Viewer current() {
        if (!viewer.isResolvable()) {
            return null;
        }
        try {
            Viewer v = viewer.get();
            return v.username() == null ? null : v;
        } catch (RuntimeException notSignedIn) {
            return null;
        }
    }
}
