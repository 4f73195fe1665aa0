package dev.agenttraces.traces.ingest.application;

import dev.agenttraces.traces.hostcontract.Viewer;
import dev.agenttraces.traces.ingest.domain.Visibility;
import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

/**
 * Who reads, as the host vouched for them: the request's {@link Viewer}. Reads follow board
 * membership; admins (the host's budget check among them) see everything. Looked up lazily so the
 * ingest side keeps working where no viewer can be produced.
 */
@RequestScoped
public class ReaderAccess {

    @Inject
    Instance<Viewer> viewers;

    public Visibility visibility() {
        if (!viewers.isResolvable()) {
            throw Rejection.unauthorized("Reading traces needs a host token ('Authorization: Bearer <token>').");
        }
        Viewer viewer;
        String username;
        try {
            viewer = viewers.get();
            username = viewer.username();
        } catch (RuntimeException e) {
            throw Rejection.unauthorized("The host token is missing, invalid or expired.");
        }
        if (username == null || username.isBlank()) {
            throw Rejection.unauthorized("The host token is missing, invalid or expired.");
        }
        return viewer.isAdmin() ? Visibility.everything() : new Visibility(false, viewer.boardIds());
    }
}
