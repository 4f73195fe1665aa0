package dev.agenttraces.traces.access.application;

import dev.agenttraces.traces.access.domain.BoardScope;
import dev.agenttraces.traces.access.domain.Viewer;
import dev.agenttraces.traces.shared.Rejection;
import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/**
 * The one place that answers "may this request see or do this?": signed in, admin, and which boards.
 * Pages ask it on every request and every action; the API asks it through {@link #apiScope()} and
 * {@link #requireAdmin()}, which refuse with a problem answer. Looked up lazily so the ingest side keeps
 * working where no viewer can be produced.
 */
@Named("access")
@RequestScoped
public class ViewerAccess {

    @Inject
    Instance<Viewer> viewers;

    private Viewer viewer() {
        if (!viewers.isResolvable()) {
            return null;
        }
        try {
            Viewer v = viewers.get();
            return v.username() == null || v.username().isBlank() ? null : v;
        } catch (RuntimeException e) {
            return null;
        }
    }

    public boolean isSignedIn() {
        return viewer() != null;
    }

    public boolean isAdmin() {
        Viewer v = viewer();
        return v != null && v.isAdmin();
    }

    public String username() {
        Viewer v = viewer();
        return v == null ? null : v.username();
    }

    /** The boards the viewer may see; none without a viewer, so pages then show nothing. */
    public BoardScope scope() {
        Viewer v = viewer();
        return v == null ? BoardScope.none() : v.scope();
    }

    /** The scope of an API read, which needs a viewer: 401 without one. */
    public BoardScope apiScope() {
        Viewer v = viewer();
        if (v == null) {
            throw Rejection.unauthorized("Reading traces needs a valid host token ('Authorization: Bearer <token>').");
        }
        return v.scope();
    }

    /** Refuses (403) unless the viewer is an admin; called by every admin action, not only on page load. */
    public void requireAdmin() {
        if (!isAdmin()) {
            throw Rejection.forbidden("Only Taskboard admins may do this.");
        }
    }
}
