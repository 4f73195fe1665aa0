package dev.agenttraces.traces.insight.infrastructure;

import dev.agenttraces.traces.insight.application.InsightStore;
import dev.agenttraces.traces.insight.domain.CostShare;
import dev.agenttraces.traces.insight.domain.FlagChanges;
import dev.agenttraces.traces.insight.domain.FlagTotals;
import dev.agenttraces.traces.trace.domain.StepType;
import dev.agenttraces.traces.insight.domain.InsightStep;
import dev.agenttraces.traces.insight.domain.StepFlag;
import dev.agenttraces.traces.insight.domain.StoredFlag;
import dev.agenttraces.traces.insight.domain.WasteRow;
import dev.agenttraces.traces.access.domain.BoardScope;
import dev.agenttraces.traces.shared.UtcDays;
import dev.agenttraces.traces.trace.infrastructure.StepPartitionKey;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * {@link InsightStore}: steps read in JPQL pages by (trace_id, seq), the insight tables (which have no
 * entity: nothing else navigates them) in native SQL through the same persistence unit, and the writes through
 * {@link InsightWriter}'s one JDBC transaction.
 */
@ApplicationScoped
public class JpaInsightStore implements InsightStore {

    private static final String STEPS = "select new " + InsightStepRow.class.getName()
            + "(s.seq, s.parentSeq, s.type, s.toolName, substring(s.toolInput, 1, " + InsightStepRow.INPUT_CHARS
            + "), length(s.toolInput), substring(s.content, 1, " + InsightStepRow.TEXT_CHARS + "), substring(s.toolOutput, 1, "
            + InsightStepRow.TEXT_CHARS + "), s.tokens, s.costUsd, s.durationMs, s.model)"
            + StepPartitionKey.STEPS + " and s.seq > :after order by s.seq";

    private static final String FLAG_COLUMNS = "select seq, flag, end_seq, ref_seq, repetitions, cost_usd from trace_step_flag";

    @PersistenceContext(unitName = "traces")
    EntityManager em;

    @Inject
    InsightWriter writer;

    @Override
    public List<InsightStep> stepsAfter(UUID trace, int afterSeq, int limit) {
        return StepPartitionKey.query(em, STEPS, InsightStepRow.class, trace).setParameter("after", afterSeq)
                .setMaxResults(limit).getResultStream().map(InsightStepRow::toStep).toList();
    }

    @Override
    public Optional<Integer> stepCount(UUID trace) {
        return em.createQuery("select t.stepCount from Trace t where t.id = :id", Integer.class)
                .setParameter("id", trace).getResultStream().findFirst();
    }

    @Override
    public void save(UUID trace, FlagTotals totals, List<StoredFlag> flags) {
        writer.save(trace, totals, flags);
    }

    @Override
    public void saveChanges(UUID trace, FlagTotals totals, FlagChanges changes) {
        writer.saveChanges(trace, totals, changes);
    }

    @Override
    public Optional<FlagTotals> totals(UUID trace) {
        List<?> rows = em.createNativeQuery("select settings_fingerprint, step_count, last_seq, redundant_count,"
                        + " redundant_cost_usd, loop_count, loop_cost_usd, retry_count, ends_in_error, failed_after_retries,"
                        + " waste_cost_usd, computed_at from trace_insight where trace_id = ?1")
                .setParameter(1, trace).getResultList();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Object[] r = (Object[]) rows.get(0);
        return Optional.of(new FlagTotals((String) r[0], num(r[1]), num(r[2]), num(r[3]), money(r[4]), num(r[5]),
                money(r[6]), num(r[7]), Boolean.TRUE.equals(r[8]), Boolean.TRUE.equals(r[9]), money(r[10]), instant(r[11])));
    }

    @Override
    public List<StoredFlag> flags(UUID trace, int limit) {
        return flagRows(em.createNativeQuery(FLAG_COLUMNS + " where trace_id = ?1 order by seq, flag")
                .setParameter(1, trace).setMaxResults(limit).getResultList());
    }

    /** One grouped scan by all three keys (a few dozen rows), folded into the three dimensions here. */
    @Override
    public Map<CostDimension, Map<String, BigDecimal>> costsBy(UUID trace) {
        List<Object[]> rows = StepPartitionKey.query(em, "select s.toolName, s.type, coalesce(s.model, t.model),"
                        + " sum(s.costUsd) from TraceStep s, Trace t where t.id = s.traceId and s.traceId = :trace"
                        + " and " + StepPartitionKey.CONDITION + " and s.costUsd is not null"
                        + " group by s.toolName, s.type, coalesce(s.model, t.model)", Object[].class, trace)
                .getResultList();
        Map<CostDimension, Map<String, BigDecimal>> costs = new EnumMap<>(CostDimension.class);
        for (CostDimension d : CostDimension.values()) {
            costs.put(d, new LinkedHashMap<>());
        }
        for (Object[] r : rows) {
            BigDecimal cost = money(r[3]);
            costs.get(CostDimension.TOOL).merge(r[0] == null ? CostShare.NONE : r[0].toString(), cost, BigDecimal::add);
            costs.get(CostDimension.KIND).merge(((StepType) r[1]).wireName(), cost, BigDecimal::add);
            costs.get(CostDimension.MODEL).merge(r[2] == null ? CostShare.NONE : r[2].toString(), cost, BigDecimal::add);
        }
        return costs;
    }

    @Override
    public List<WasteRow> agentWaste(long agentId, Instant from, Instant to, BoardScope scope, int limit) {
        return em.createQuery("select new " + WasteRow.class.getName() + "(t.startedAt, k.id, k.title, t.id, i.loopCount,"
                        + " i.redundantCount, i.wasteCostUsd, t.costUsd) from Trace t join t.task k, TraceInsightTotals i"
                        + " where i.traceId = t.id and t.agent.id = :agent and t.startedAt >= :from and t.startedAt < :to and "
                        + scope.condition("k.board.id") + " order by t.startedAt desc", WasteRow.class)
                .setParameter("agent", agentId).setParameter("from", from).setParameter("to", to)
                .setMaxResults(limit).getResultList();
    }

    @Override
    public Map<Long, BigDecimal> wasteByAgent(Instant from, Instant to, BoardScope scope) {
        Map<Long, BigDecimal> waste = new LinkedHashMap<>();
        if (UtcDays.wholeDays(from, to)) { // the widget's periods: a few rows per agent and day (V96), not every trace
            @SuppressWarnings("unchecked")
            List<Object[]> rows = em.createNativeQuery("select agent_id, sum(waste_usd) from spend_agent_day"
                            + " where spend_day >= ?1 and spend_day < ?2 and " + scope.condition("board_id")
                            + " group by agent_id")
                    .setParameter(1, UtcDays.day(from)).setParameter(2, UtcDays.day(to)).getResultList();
            rows.forEach(r -> waste.put(((Number) r[0]).longValue(), money(r[1])));
            return waste;
        }
        em.createQuery("select t.agent.id, sum(i.wasteCostUsd) from Trace t join t.task k, TraceInsightTotals i"
                        + " where i.traceId = t.id and t.startedAt >= :from and t.startedAt < :to and "
                        + scope.condition("k.board.id") + " group by t.agent.id", Object[].class)
                .setParameter("from", from).setParameter("to", to).getResultList()
                .forEach(r -> waste.put(((Number) r[0]).longValue(), money(r[1])));
        return waste;
    }

    @Override
    public List<UUID> staleTraces(String fingerprint, int limit) {
        List<?> ids = em.createNativeQuery("select t.id from trace t left join trace_insight i on i.trace_id = t.id"
                        + " where i.trace_id is null or i.settings_fingerprint <> ?1 or i.step_count <> t.step_count"
                        + " order by t.started_at")
                .setParameter(1, fingerprint).setMaxResults(limit).getResultList();
        return ids.stream().map(JpaInsightStore::uuid).toList();
    }

    private static List<StoredFlag> flagRows(List<?> rows) {
        return rows.stream().map(o -> (Object[]) o).map(r -> new StoredFlag(num(r[0]), StepFlag.valueOf((String) r[1]),
                num(r[2]), r[3] == null ? null : num(r[3]), r[4] == null ? null : num(r[4]), money(r[5]))).toList();
    }

    private static int num(Object o) {
        return ((Number) o).intValue();
    }

    private static BigDecimal money(Object o) {
        return o == null ? BigDecimal.ZERO : o instanceof BigDecimal b ? b : new BigDecimal(o.toString());
    }

    private static Instant instant(Object o) {
        if (o instanceof Instant i) {
            return i;
        }
        if (o instanceof OffsetDateTime odt) {
            return odt.toInstant();
        }
        if (o instanceof java.util.Date d) {
            return d.toInstant();
        }
        return o == null ? null : OffsetDateTime.parse(o.toString()).toInstant();
    }

    private static UUID uuid(Object o) {
        return o instanceof UUID u ? u : UUID.fromString(o.toString());
    }
}
