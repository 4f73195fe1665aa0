package dev.agenttraces.taskboard.host.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import java.time.Instant;

/**
 * Records a user's logout in the shared table {@code host_logout} (contract: plugins that share the
 * database end their own sessions for this user that the host vouched for before it). Update, then
 * insert, so it runs the same on PostgreSQL and H2.
 */
@ApplicationScoped
public class LogoutRecord {

    @PersistenceContext(unitName = "taskboard")
    EntityManager em;

    @Transactional
    public void loggedOut(String username, Instant at) {
        int updated = em.createNativeQuery("update host_logout set logged_out_at = ?1 where username = ?2")
                .setParameter(1, at).setParameter(2, username).executeUpdate();
        if (updated == 0) {
            em.createNativeQuery("insert into host_logout (username, logged_out_at) values (?1, ?2)")
                    .setParameter(1, username).setParameter(2, at).executeUpdate();
        }
    }
}
