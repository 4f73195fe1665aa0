package dev.agenttraces.traces.review.infrastructure;

import dev.agenttraces.traces.review.domain.Annotation;
import dev.agenttraces.traces.review.domain.AnnotationLabel;
import dev.agenttraces.traces.review.domain.AnnotationRepository;
import dev.agenttraces.traces.trace.domain.StepType;
import dev.agenttraces.traces.trace.infrastructure.JdbcTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * {@link AnnotationRepository}: the insert through one JDBC transaction, reads in native SQL through the
 * persistence unit (the table has no entity), each annotation with its step's type and tool for a one-line label.
 */
@ApplicationScoped
public class JpaAnnotationRepository implements AnnotationRepository {

    @PersistenceContext(unitName = "traces")
    EntityManager em;

    @Inject
    JdbcTransaction tx;

    @Override
    public void add(UUID trace, int seq, AnnotationLabel label, String note, String author, Instant at) {
        tx.run(c -> {
            try (PreparedStatement ps = c.prepareStatement("insert into step_annotation (trace_id, seq, label, note, author,"
                    + " created_at) values (?, ?, ?, ?, ?, ?)")) {
                ps.setObject(1, trace);
                ps.setInt(2, seq);
                ps.setString(3, label.name());
                ps.setString(4, note);
                ps.setString(5, author);
                ps.setTimestamp(6, Timestamp.from(at));
                return ps.executeUpdate();
            }
        });
    }

    @Override
    public List<Annotation> ofTrace(UUID trace) {
        List<?> rows = em.createNativeQuery("select a.id, a.seq, a.label, a.note, a.author, a.created_at, s.type, s.tool_name"
                        + " from step_annotation a left join trace_step s on s.trace_id = a.trace_id and s.seq = a.seq"
                        + " where a.trace_id = ?1 order by a.seq, a.id")
                .setParameter(1, trace).setMaxResults(1000).getResultList();
        return rows.stream().map(o -> (Object[]) o).map(r -> new Annotation(((Number) r[0]).longValue(), trace,
                ((Number) r[1]).intValue(), AnnotationLabel.valueOf((String) r[2]), (String) r[3], (String) r[4],
                instant(r[5]), step((String) r[6], (String) r[7]))).toList();
    }

    private static String step(String type, String tool) {
        String kind = type == null ? "step" : StepType.valueOf(type).getLabel().toLowerCase(Locale.ROOT);
        return tool == null ? kind : kind + " " + tool;
    }

    private static Instant instant(Object o) {
        if (o instanceof Instant i) {
            return i;
        }
        if (o instanceof OffsetDateTime odt) {
            return odt.toInstant();
        }
        return o instanceof java.util.Date d ? d.toInstant() : OffsetDateTime.parse(o.toString()).toInstant();
    }

    @Override
    public boolean mayReview(String username) {
        return !em.createNativeQuery("select 1 from user_role r join app_user u on u.id = r.user_id"
                        + " where u.username = ?1 and r.role in ('REVIEWER', 'ADMIN')")
                .setParameter(1, username).setMaxResults(1).getResultList().isEmpty();
    }
}
