package dev.agenttraces.traces.access.infrastructure;

import dev.agenttraces.traces.access.domain.BoardScope;
import dev.agenttraces.traces.access.domain.Viewer;
import dev.agenttraces.traces.access.domain.ViewerIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.servlet.http.HttpServletRequest;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The {@link Viewer} of the current request, from the identity the viewer filter established. The
 * admin role and board membership are read here, from the host's tables, once per request, so a role
 * or membership the host revokes takes effect at once however long the session lives.
 */
@RequestScoped
public class RequestViewer implements Viewer {

    @Inject
    HttpServletRequest request;

    @PersistenceContext(unitName = "traces")
    EntityManager em;

    private Boolean admin;
    private BoardScope scope;

    private ViewerIdentity identity() {
        Object id = request.getAttribute(ViewerIdentity.ATTRIBUTE);
        return id instanceof ViewerIdentity v ? v : null;
    }

    @Override
    public String username() {
        ViewerIdentity id = identity();
        return id == null ? null : id.username();
    }

    @Override
    public boolean isAdmin() {
        if (admin == null) {
            ViewerIdentity id = identity();
            admin = id != null && id.service() || username() != null && !em.createNativeQuery("select 1 from user_role r join app_user u"
                            + " on u.id = r.user_id where u.username = ?1 and r.role = 'ADMIN'")
                    .setParameter(1, username()).setMaxResults(1).getResultList().isEmpty();
        }
        return admin;
    }

    @Override
    public BoardScope scope() {
        if (scope == null) {
            scope = username() == null ? BoardScope.none()
                    : isAdmin() ? BoardScope.everything() : BoardScope.of(memberBoards());
        }
        return scope;
    }

    @SuppressWarnings("unchecked")
    private Set<Long> memberBoards() {
        List<Object> ids = em.createNativeQuery("select bm.board_id from board_member bm join app_user u"
                + " on u.id = bm.user_id where u.username = ?1").setParameter(1, username()).getResultList();
        return ids.stream().map(o -> ((Number) o).longValue()).collect(Collectors.toUnmodifiableSet());
    }
}
