package dev.agenttraces.traces.store.application;

import dev.agenttraces.taskboard.model.Task;
import dev.agenttraces.traces.store.domain.StepType;
import dev.agenttraces.traces.store.domain.Trace;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The read model behind the trace screens. Every query that starts from a task or trace takes the
 * viewer's board ids, so a trace on a board the viewer is not a member of is never returned. Steps
 * are read a page at a time by (trace_id, seq) — the primary key — and previews are cut in SQL, so a
 * 200,000-step trace costs the same to open as a small one.
 */
@ApplicationScoped
public class TraceQueries {

    /** Characters of a step shown in its one-line preview. */
    public static final int PREVIEW_CHARS = 160;

    private static final String STEP_ROW = "select new " + StepRow.class.getName()
            + "(s.seq, s.type, s.toolName, substring(coalesce(s.content, s.toolInput, s.toolOutput, ''), 1, "
            + PREVIEW_CHARS + "), s.inputTokens, s.outputTokens, s.cachedInputTokens, s.reasoningTokens,"
            + " s.costUsd, s.durationMs, s.startedAt) from TraceStep s where s.traceId = :trace";

    @PersistenceContext(unitName = "traces")
    EntityManager em;

    /** One row of a timeline: everything but the step's full text. */
    public record StepRow(int seq, StepType type, String toolName, String preview, long inputTokens,
                          long outputTokens, long cachedInputTokens, long reasoningTokens,
                          BigDecimal costUsd, Long durationMs, Instant startedAt) {
    }

    /** An expanded step; a tool result's output is cut at the limit asked for and its full length kept. */
    public record StepDetail(int seq, StepType type, String content, String toolName, String toolInput,
                             String toolOutput, int toolOutputLength, String model) {
        /** Characters of text past which reasoning starts collapsed behind "show more". */
        public static final int LONG_TEXT = 600;

        public boolean isOutputTruncated() {
            return toolOutput != null && toolOutput.length() < toolOutputLength;
        }

        public boolean isLongText() {
            return content != null && content.length() > LONG_TEXT;
        }
    }

    /** Which steps a timeline shows: some types (all when empty) and an optional text. */
    public record StepFilter(Set<StepType> types, String text) {
        public boolean isEmpty() {
            return (types == null || types.isEmpty()) && (text == null || text.isBlank());
        }
    }

    public Optional<Task> task(long taskId, Set<Long> boards) {
        if (boards.isEmpty()) {
            return Optional.empty();
        }
        return em.createQuery("select t from Task t join fetch t.board left join fetch t.assignee"
                        + " where t.id = :id and t.board.id in :boards", Task.class)
                .setParameter("id", taskId).setParameter("boards", boards)
                .getResultStream().findFirst();
    }

    /** The task's traces, retries included, newest first. */
    public List<Trace> tracesOfTask(long taskId, Set<Long> boards) {
        if (boards.isEmpty()) {
            return List.of();
        }
        return em.createQuery("select t from Trace t join fetch t.agent join t.task k"
                        + " where k.id = :task and k.board.id in :boards order by t.startedAt desc, t.id", Trace.class)
                .setParameter("task", taskId).setParameter("boards", boards)
                .getResultList();
    }

    public Optional<Trace> trace(UUID id, Set<Long> boards) {
        if (boards.isEmpty() || id == null) {
            return Optional.empty();
        }
        return em.createQuery("select t from Trace t join fetch t.agent join fetch t.task k"
                        + " where t.id = :id and k.board.id in :boards", Trace.class)
                .setParameter("id", id).setParameter("boards", boards)
                .getResultStream().findFirst();
    }

    public long countSteps(UUID trace, StepFilter filter) {
        TypedQuery<Long> q = em.createQuery("select count(s) from TraceStep s where s.traceId = :trace"
                + where(filter), Long.class);
        return bind(q, trace, filter).getSingleResult();
    }

    /**
     * A page of the timeline. With {@code afterSeq} the page is a key range (seq greater than it) that
     * the primary key index serves directly; without, it falls back to an offset.
     */
    public List<StepRow> steps(UUID trace, StepFilter filter, Integer afterSeq, int offset, int limit) {
        String range = afterSeq != null ? " and s.seq > :after" : "";
        TypedQuery<StepRow> q = em.createQuery(STEP_ROW + where(filter) + range + " order by s.seq", StepRow.class);
        bind(q, trace, filter);
        if (afterSeq != null) {
            q.setParameter("after", afterSeq);
        } else {
            q.setFirstResult(offset);
        }
        return q.setMaxResults(limit).getResultList();
    }

    /** How many steps (under the filter) come before this one: its row index in the timeline. */
    public long indexOf(UUID trace, StepFilter filter, int seq) {
        TypedQuery<Long> q = em.createQuery("select count(s) from TraceStep s where s.traceId = :trace and s.seq < :seq"
                + where(filter), Long.class);
        return bind(q, trace, filter).setParameter("seq", seq).getSingleResult();
    }

    /** The first error after the given step, wrapping round to the first error of the trace. */
    public Optional<Integer> nextError(UUID trace, int afterSeq) {
        String jpql = "select min(s.seq) from TraceStep s where s.traceId = :trace and s.type = :type and s.seq > :after";
        for (int after : new int[] {afterSeq, Integer.MIN_VALUE}) {
            Integer seq = em.createQuery(jpql, Integer.class).setParameter("trace", trace)
                    .setParameter("type", StepType.ERROR).setParameter("after", after).getSingleResult();
            if (seq != null) {
                return Optional.of(seq);
            }
        }
        return Optional.empty();
    }

    public Optional<Integer> mostExpensiveStep(UUID trace) {
        return em.createQuery("select s.seq from TraceStep s where s.traceId = :trace and s.costUsd is not null"
                        + " order by s.costUsd desc, s.seq", Integer.class)
                .setParameter("trace", trace).setMaxResults(1).getResultStream().findFirst();
    }

    /** One step with its full text, except a tool output longer than {@code outputLimit} characters. */
    public Optional<StepDetail> step(UUID trace, int seq, int outputLimit) {
        return em.createQuery("select new " + StepDetail.class.getName() + "(s.seq, s.type, s.content, s.toolName,"
                        + " s.toolInput, substring(s.toolOutput, 1, :limit), coalesce(length(s.toolOutput), 0), s.model)"
                        + " from TraceStep s where s.traceId = :trace and s.seq = :seq", StepDetail.class)
                .setParameter("trace", trace).setParameter("seq", seq).setParameter("limit", outputLimit)
                .getResultStream().findFirst();
    }

    /** The whole output of a tool result, for "show all". */
    public Optional<String> fullOutput(UUID trace, int seq) {
        return em.createQuery("select s.toolOutput from TraceStep s where s.traceId = :trace and s.seq = :seq", String.class)
                .setParameter("trace", trace).setParameter("seq", seq)
                .getResultStream().findFirst();
    }

    private static String where(StepFilter f) {
        StringBuilder w = new StringBuilder();
        if (f != null && f.types() != null && !f.types().isEmpty()) {
            w.append(" and s.type in :types");
        }
        if (f != null && f.text() != null && !f.text().isBlank()) {
            w.append(" and (lower(s.content) like :text escape '\\' or lower(s.toolName) like :text escape '\\'"
                    + " or lower(s.toolInput) like :text escape '\\' or lower(s.toolOutput) like :text escape '\\')");
        }
        return w.toString();
    }

    private static <T> TypedQuery<T> bind(TypedQuery<T> q, UUID trace, StepFilter f) {
        q.setParameter("trace", trace);
        if (f != null && f.types() != null && !f.types().isEmpty()) {
            q.setParameter("types", f.types());
        }
        if (f != null && f.text() != null && !f.text().isBlank()) {
            q.setParameter("text", "%" + likeEscape(f.text().trim().toLowerCase(Locale.ROOT)) + "%");
        }
        return q;
    }

    static String likeEscape(String s) {
        return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
