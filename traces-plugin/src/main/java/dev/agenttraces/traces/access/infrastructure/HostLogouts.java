package dev.agenttraces.traces.access.infrastructure;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/**
 * When each user last logged out of the host, from the shared table {@code host_logout} the host's
 * logout writes (taskboard-model's migration {@code V11}). A plugin session cannot see the host's session
 * end otherwise, so it asks on every request: one primary-key read.
 */
@ApplicationScoped
public class HostLogouts {

    @PersistenceContext(unitName = "traces")
    EntityManager em;

    public Optional<Instant> lastLogout(String username) {
        List<?> rows = em.createNativeQuery("select logged_out_at from host_logout where username = ?1")
                .setParameter(1, username).setMaxResults(1).getResultList();
        return rows.isEmpty() || rows.get(0) == null ? Optional.empty() : Optional.of(instant(rows.get(0)));
    }

    private static Instant instant(Object value) {
        return switch (value) {
            case Instant i -> i;
            case OffsetDateTime o -> o.toInstant();
            case java.sql.Timestamp t -> t.toInstant();
            default -> throw new IllegalStateException("unexpected logged_out_at type " + value.getClass());
        };
    }
}
