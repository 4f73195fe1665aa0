package dev.agenttraces.traces.hostcontract;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.servlet.http.HttpServletRequest;

import java.util.Set;
import java.util.stream.Collectors;

/**
 * The {@link Viewer} of the current request, from the identity {@link ViewerFilter} established.
 * Board membership is read here, from the host's tables, on every request, so a membership the host
 * revokes takes effect at once however long the session lives.
 */
@RequestScoped
public class RequestViewer implements Viewer {

    @Inject
    HttpServletRequest request;

    @PersistenceContext(unitName = "traces")
    EntityManager em;

    private Set<Long> boardIds;

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
        ViewerIdentity id = identity();
        return id != null && id.isAdmin();
    }

    @Override
    public Set<Long> boardIds() {
        if (boardIds == null) {
            boardIds = identity() == null ? Set.of() : loadBoardIds();
        }
        return boardIds;
    }

    @SuppressWarnings("unchecked")
    private Set<Long> loadBoardIds() {
        var query = isAdmin()
                ? em.createNativeQuery("select id from board")
                : em.createNativeQuery("select bm.board_id from board_member bm join app_user u on u.id = bm.user_id"
                + " where u.username = ?1").setParameter(1, username());
        return ((java.util.List<Object>) query.getResultList()).stream()
                .map(o -> ((Number) o).longValue()).collect(Collectors.toUnmodifiableSet());
    }
}
