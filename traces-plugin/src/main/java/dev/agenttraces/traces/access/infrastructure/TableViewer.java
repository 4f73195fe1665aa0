package dev.agenttraces.traces.access.infrastructure;

import dev.agenttraces.traces.access.domain.BoardScope;
import dev.agenttraces.traces.access.domain.Viewer;
import dev.agenttraces.traces.access.domain.ViewerIdentity;
import jakarta.persistence.EntityManager;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A {@link Viewer} read from the host's tables: the admin role and board membership of the identity's user,
 * each read once, when first asked. Not a bean: the request's viewer ({@link RequestViewer}) and the live
 * socket's handshake ({@link TableViewers}) each make one, so either sees what the host granted at that moment.
 */
final class TableViewer implements Viewer {

    private final EntityManager em;
    private final ViewerIdentity identity;
    private Boolean admin;
    private BoardScope scope;

    TableViewer(EntityManager em, ViewerIdentity identity) {
        this.em = em;
        this.identity = identity;
    }

    @Override
    public String username() {
        return identity == null ? null : identity.username();
    }

    @Override
    public boolean isAdmin() {
        if (admin == null) {
            admin = identity != null && identity.service() || username() != null && !em.createNativeQuery("select 1 from user_role r join app_user u"
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
