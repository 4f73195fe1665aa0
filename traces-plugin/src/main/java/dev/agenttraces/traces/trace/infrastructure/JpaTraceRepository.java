package dev.agenttraces.traces.trace.infrastructure;

import dev.agenttraces.traces.access.domain.BoardScope;
import dev.agenttraces.traces.trace.domain.StepDetail;
import dev.agenttraces.traces.trace.domain.StepFilter;
import dev.agenttraces.traces.trace.domain.StepLink;
import dev.agenttraces.traces.trace.domain.StepRecord;
import dev.agenttraces.traces.trace.domain.StepRow;
import dev.agenttraces.traces.trace.domain.StepType;
import dev.agenttraces.traces.trace.domain.TaskRef;
import dev.agenttraces.traces.trace.domain.TraceFilter;
import dev.agenttraces.traces.trace.domain.TraceRepository;
import dev.agenttraces.traces.trace.domain.TraceSort;
import dev.agenttraces.traces.trace.domain.TraceSummary;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * {@link TraceRepository} in JPQL. Rows are read into small records by constructor expressions,
 * never as managed entities, so nothing a view keeps is attached to a persistence context. Previews
 * are cut in the query, so a timeline page moves a bounded number of characters whatever the steps hold.
 */
@ApplicationScoped
public class JpaTraceRepository implements TraceRepository {

    private static final String STEPS = StepPartitionKey.STEPS;

    private static final String STEP_ROW = "select new " + StepRow.class.getName()
            + "(s.seq, s.type, s.toolName, substring(coalesce(s.content, s.toolInput, s.toolOutput, ''), 1, "
            + StepRow.PREVIEW_CHARS + "), s.tokens, s.costUsd, s.durationMs, s.startedAt, s.parentSeq, s.model,"
            + " s.redactions)" + STEPS;

    private static final String SUMMARY = "select new " + TraceSummary.class.getName()
            + "(t.id, k.id, k.title, a.id, a.name, a.model, t.status, t.model, t.provider, t.startedAt,"
            + " t.completedAt, t.durationMs, t.errorMessage, t.stepCount, t.errorCount, t.tokens, t.costUsd,"
            + " t.unpricedSteps) from Trace t join t.task k join t.agent a where ";

    /** The summary with the trace's stored insight totals joined, which the agent list can sort by. */
    static final String AGENT_SUMMARY = SUMMARY.replace(" where ", " left join TraceInsightTotals i on i.traceId = t.id where ");

    @PersistenceContext(unitName = "traces")
    EntityManager em;

    @Override
    public Optional<TaskRef> task(long taskId, BoardScope scope) {
        return em.createQuery("select new " + TaskRef.class.getName() + "(k.id, k.title, k.board.id) from Task k"
                        + " where k.id = :id and " + scope.condition("k.board.id"), TaskRef.class)
                .setParameter("id", taskId).getResultStream().findFirst();
    }

    @Override
    public boolean agentExists(long agentId) {
        return !em.createQuery("select a.id from Agent a where a.id = :id", Long.class)
                .setParameter("id", agentId).getResultList().isEmpty();
    }

    @Override
    public List<TraceSummary> tracesOfTask(long taskId, BoardScope scope) {
        return em.createQuery(SUMMARY + "k.id = :task and " + scope.condition("k.board.id")
                        + " order by t.startedAt desc, t.id", TraceSummary.class)
                .setParameter("task", taskId).getResultList();
    }

    @Override
    public Optional<TraceSummary> trace(UUID id, BoardScope scope) {
        return em.createQuery(SUMMARY + "t.id = :id and " + scope.condition("k.board.id"), TraceSummary.class)
                .setParameter("id", id).getResultStream().findFirst();
    }

    @Override
    public List<TraceSummary> tracesOfAgent(long agentId, BoardScope scope, TraceFilter filter, TraceSort sort,
                                            boolean ascending, int offset, int limit) {
        // the id breaks ties in the key's direction, so one (agent_id, key, id) index serves both (V75)
        String order = column(sort) + (ascending ? " asc nulls first, t.id asc" : " desc nulls last, t.id desc");
        TypedQuery<TraceSummary> q = em.createQuery(AGENT_SUMMARY + "a.id = :agent and " + scope.condition("k.board.id")
                + TraceFilters.where(filter) + " order by " + order, TraceSummary.class);
        return TraceFilters.bind(q.setParameter("agent", agentId), filter)
                .setFirstResult(offset).setMaxResults(limit).getResultList();
    }

    @Override
    public List<TraceSummary> tracesOfAgentAfter(long agentId, BoardScope scope, TraceFilter filter, TraceSort sort,
                                                 boolean ascending, dev.agenttraces.traces.trace.domain.TraceKey after,
                                                 int limit) {
        return new AgentTraceKeyset(em).after(agentId, scope, filter, sort, ascending, after, limit);
    }

    @Override
    public Optional<dev.agenttraces.traces.trace.domain.TraceKey> keyOf(UUID traceId, TraceSort sort) {
        return new AgentTraceKeyset(em).keyOf(traceId, sort);
    }

    @Override
    public long countTracesOfAgent(long agentId, BoardScope scope, TraceFilter filter) {
        TypedQuery<Long> q = em.createQuery("select count(t) from Trace t join t.task k where t.agent.id = :agent and "
                + scope.condition("k.board.id") + TraceFilters.where(filter), Long.class);
        return TraceFilters.bind(q.setParameter("agent", agentId), filter).getSingleResult();
    }

    /** The column a sort key orders by: a closed mapping, so request text never reaches the query. */
    static String column(TraceSort sort) {
        return switch (sort) {
            case STARTED_AT -> "t.startedAt";
            case COST_USD -> "t.costUsd";
            case DURATION_MS -> "t.durationMs";
            case STEP_COUNT -> "t.stepCount";
            case STATUS -> "t.status";
            case TASK_TITLE -> "k.title";
            case TOKENS -> "(cast(t.tokens.input as BigDecimal) + t.tokens.cachedInput + t.tokens.cacheCreation"
                    + " + t.tokens.output + t.tokens.reasoning)";
            case WASTE -> "i.wasteCostUsd";
        };
    }

    private <T> TypedQuery<T> ofTrace(String jpql, Class<T> type, UUID trace) {
        return StepPartitionKey.query(em, jpql, type, trace);
    }

    @Override
    public List<StepRecord> stepRecords(UUID trace, int offset, int limit) {
        return ofTrace("select new " + StepRecord.class.getName() + "(s.seq, s.type, " + cut("s.content") + ", s.toolName, "
                + cut("s.toolInput") + ", " + cut("s.toolOutput") + ", s.model, s.tokens, s.costUsd, s.startedAt,"
                + " s.durationMs, s.parentSeq, s.spanId, s.messages)" + STEPS + " order by s.seq", StepRecord.class, trace)
                .setFirstResult(offset).setMaxResults(limit).getResultList();
    }

    /** A text column read at most one character past the export's limit, so a longer text shows as such. */
    private static String cut(String column) {
        return "substring(" + column + ", 1, " + (StepRecord.TEXT_LIMIT + 1) + ")";
    }

    @Override
    public long countSteps(UUID trace, StepFilter filter) {
        return StepFilters.bind(ofTrace("select count(s)" + STEPS + StepFilters.where(filter), Long.class, trace), filter)
                .getSingleResult();
    }

    @Override
    public List<StepRow> steps(UUID trace, StepFilter filter, Integer afterSeq, int offset, int limit) {
        String range = afterSeq != null ? " and s.seq > :after" : "";
        TypedQuery<StepRow> q = StepFilters.bind(ofTrace(STEP_ROW + StepFilters.where(filter) + range + " order by s.seq",
                StepRow.class, trace), filter);
        if (afterSeq != null) {
            q.setParameter("after", afterSeq);
        } else {
            q.setFirstResult(offset);
        }
        return q.setMaxResults(limit).getResultList();
    }

    @Override
    public boolean hasTree(UUID trace) {
        return !ofTrace("select s.seq" + STEPS + " and s.parentSeq is not null", Integer.class, trace)
                .setMaxResults(1).getResultList().isEmpty();
    }

    @Override
    public List<StepLink> stepLinks(UUID trace) {
        return ofTrace("select new " + StepLink.class.getName() + "(s.seq, s.parentSeq, s.startedAt,"
                + " s.tokens.input + s.tokens.cachedInput + s.tokens.cacheCreation + s.tokens.output + s.tokens.reasoning,"
                + " s.costUsd, s.durationMs)" + STEPS + " order by s.seq", StepLink.class, trace).getResultList();
    }

    @Override
    public List<StepRow> stepsBySeq(UUID trace, java.util.Collection<Integer> seqs) {
        if (seqs.isEmpty()) {
            return List.of();
        }
        return ofTrace(STEP_ROW + " and s.seq in :seqs order by s.seq", StepRow.class, trace)
                .setParameter("seqs", seqs).getResultList();
    }

    @Override
    public long indexOf(UUID trace, StepFilter filter, int seq) {
        TypedQuery<Long> q = ofTrace("select count(s)" + STEPS + " and s.seq < :seq" + StepFilters.where(filter),
                Long.class, trace);
        return StepFilters.bind(q, filter).setParameter("seq", seq).getSingleResult();
    }

    @Override
    public Optional<Integer> nextError(UUID trace, int afterSeq) {
        TypedQuery<Integer> q = ofTrace("select min(s.seq)" + STEPS + " and s.type = :type and s.seq > :after",
                Integer.class, trace).setParameter("type", StepType.ERROR);
        for (int after : new int[] {afterSeq, Integer.MIN_VALUE}) {
            Integer seq = q.setParameter("after", after).getSingleResult();
            if (seq != null) {
                return Optional.of(seq);
            }
        }
        return Optional.empty();
    }

    @Override
    public Optional<Integer> mostExpensiveStep(UUID trace) {
        return ofTrace("select s.seq" + STEPS + " and s.costUsd is not null order by s.costUsd desc, s.seq",
                Integer.class, trace).setMaxResults(1).getResultStream().findFirst();
    }

    @Override
    public int lastSeq(UUID trace) {
        Integer seq = ofTrace("select max(s.seq)" + STEPS, Integer.class, trace).getSingleResult();
        return seq == null ? 0 : seq;
    }

    @Override
    public Optional<StepDetail> step(UUID trace, int seq, int outputLimit) {
        return ofTrace("select new " + StepDetail.class.getName() + "(s.seq, s.type, s.content, s.toolName,"
                        + " s.toolInput, substring(s.toolOutput, 1, :limit), coalesce(length(s.toolOutput), 0), s.model,"
                        + " s.messages, s.toolCallId)" + STEPS + " and s.seq = :seq", StepDetail.class, trace)
                .setParameter("seq", seq).setParameter("limit", outputLimit).getResultStream().findFirst();
    }

    @Override
    public Optional<String> fullOutput(UUID trace, int seq) {
        return ofTrace("select s.toolOutput" + STEPS + " and s.seq = :seq", String.class, trace)
                .setParameter("seq", seq).getResultStream().findFirst();
    }

}
