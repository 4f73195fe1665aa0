package dev.agenttraces.traces.access.infrastructure;

import dev.agenttraces.traces.access.domain.BoardScope;
import dev.agenttraces.traces.access.domain.Viewer;
import dev.agenttraces.traces.access.domain.ViewerIdentity;
import dev.agenttraces.traces.access.domain.Viewers;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;

import java.util.Objects;

/**
 * The {@link Viewer} of the current request, from the identity the viewer filter established. The
 * admin role and board membership are read from the host's tables ({@link TableViewer}) once per request,
 * so a role or membership the host revokes takes effect at once however long the session lives.
 */
@RequestScoped
public class RequestViewer implements Viewer {

    @Inject
    HttpServletRequest request;

    @Inject
    Viewers viewers;

    private ViewerIdentity identity;
    private Viewer viewer;

    /** The viewer of the identity the request carries now (read again if the filter set it since). */
    private Viewer viewer() {
        ViewerIdentity now = request.getAttribute(ViewerIdentity.ATTRIBUTE) instanceof ViewerIdentity v ? v : null;
        if (viewer == null || !Objects.equals(now, identity)) {
            identity = now;
            viewer = viewers.of(now);
        }
        return viewer;
    }

    @Override
    public String username() {
        return viewer().username();
    }

    @Override
    public boolean isAdmin() {
        return viewer().isAdmin();
    }

    @Override
    public BoardScope scope() {
        return viewer().scope();
    }
}
