package dev.agenttraces.traces.spend.infrastructure;

import dev.agenttraces.taskboard.model.Agent;
import dev.agenttraces.traces.access.domain.BoardScope;
import dev.agenttraces.traces.shared.UtcDays;
import dev.agenttraces.traces.spend.domain.AgentBudget;
import dev.agenttraces.traces.spend.domain.AgentDaySpend;
import dev.agenttraces.traces.spend.domain.AgentSpend;
import dev.agenttraces.traces.spend.domain.DayCost;
import dev.agenttraces.traces.spend.domain.Spend;
import dev.agenttraces.traces.spend.domain.SpendRepository;
import dev.agenttraces.traces.spend.domain.TaskCost;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * {@link SpendRepository} through the persistence unit, reading the daily spend rollups (migration V70, kept
 * exact by the write path's {@code SpendRollups}) whenever the period is whole UTC days: a period then costs a
 * few rows per day and agent (or per day and active task), however long the history is. A period that starts or
 * ends inside a day (the API allows any instant) falls back to the traces' totals ({@link TraceSpendQueries}).
 * Native SQL because the rollup tables have no entities; token sums are numeric so no sum can overflow, and are
 * read as {@link BigInteger}s, since a task's tokens over several traces may exceed a long.
 */
@ApplicationScoped
public class JpaSpendRepository implements SpendRepository {

    @PersistenceContext(unitName = "traces")
    EntityManager em;

    @Inject
    TraceSpendQueries traces;

    @Override
    public Optional<AgentBudget> agent(long agentId) {
        Agent a = em.find(Agent.class, agentId);
        return a == null ? Optional.empty() : Optional.of(budget(a));
    }

    private static AgentBudget budget(Agent a) {
        return new AgentBudget(a.getId(), a.getName(), a.getModel(), a.getMonthlyBudgetUsd(),
                a.getWarningThresholdPercent(), a.getBudgetResetDay());
    }

    @Override
    public List<AgentBudget> agents() {
        return em.createQuery("select a from Agent a order by a.id", Agent.class).getResultList().stream()
                .map(JpaSpendRepository::budget).toList();
    }

    @Override
    public List<AgentDaySpend> receivedByDay(LocalDate first, LocalDate last, BoardScope scope) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select agent_id, spend_day, sum(cost_usd), sum(unpriced_steps), sum(traces)"
                        + " from spend_agent_received_day where spend_day >= ?1 and spend_day < ?2 and " + scope.condition("board_id")
                        + " group by agent_id, spend_day")
                .setParameter(1, first).setParameter(2, last).getResultList();
        return rows.stream().map(r -> new AgentDaySpend(num(r[0]), localDate(r[1]), decimal(r[2]), num(r[3]), num(r[4])))
                .toList();
    }

    @Override
    public Spend agentSpend(long agentId, Instant from, Instant to, BoardScope scope) {
        if (!UtcDays.wholeDays(from, to)) {
            return traces.agentSpend(agentId, from, to, scope);
        }
        Object[] r = (Object[]) em.createNativeQuery("select coalesce(sum(cost_usd), 0), coalesce(sum(unpriced_steps), 0),"
                        + " coalesce(sum(traces), 0) from spend_agent_received_day where agent_id = ?1 and spend_day >= ?2"
                        + " and spend_day < ?3 and " + scope.condition("board_id"))
                .setParameter(1, agentId).setParameter(2, UtcDays.day(from)).setParameter(3, UtcDays.day(to)).getSingleResult();
        return new Spend(agentId, from, to, decimal(r[0]), num(r[1]), num(r[2]));
    }

    @Override
    public List<TaskCost> topTasks(Instant from, Instant to, int limit, BoardScope scope) {
        if (!UtcDays.wholeDays(from, to)) {
            return traces.topTasks(from, to, limit, scope);
        }
        String sql = "select g.task_id, tk.title, tk.board_id, b.name, g.cost, g.traces, g.steps, g.tokens, g.unpriced"
                + " from (select task_id, sum(cost_usd) cost, sum(traces) traces, sum(steps) steps, sum(tokens) tokens,"
                + " sum(unpriced_steps) unpriced from spend_task_day where spend_day >= ?1 and spend_day < ?2 and "
                + scope.condition("board_id") + " group by task_id having sum(traces) > 0"
                + " order by cost desc, task_id limit ?3) g join task tk on tk.id = g.task_id"
                + " join board b on b.id = tk.board_id order by g.cost desc, g.task_id";
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(sql).setParameter(1, UtcDays.day(from)).setParameter(2, UtcDays.day(to))
                .setParameter(3, limit).getResultList();
        var top = traces.topTraces(rows.stream().map(r -> num(r[0])).toList(), from, to);
        List<TaskCost> tasks = new ArrayList<>(rows.size());
        for (Object[] r : rows) {
            long task = num(r[0]);
            TraceSpendQueries.TopTrace t = top.get(task);
            tasks.add(new TaskCost(task, (String) r[1], num(r[2]), (String) r[3], t == null ? null : t.agent(),
                    decimal(r[4]), num(r[5]), num(r[6]), integer(r[7]), num(r[8]), t == null ? null : t.id()));
        }
        return tasks;
    }

    @Override
    public List<AgentSpend> spendByAgent(Instant from, Instant to, BoardScope scope) {
        if (!UtcDays.wholeDays(from, to)) {
            return traces.spendByAgent(from, to, scope);
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select a.id, a.name, sum(r.cost_usd) from spend_agent_day r"
                        + " join agent a on a.id = r.agent_id where r.spend_day >= ?1 and r.spend_day < ?2 and "
                        + scope.condition("r.board_id") + " group by a.id, a.name having sum(r.traces) > 0"
                        + " order by sum(r.cost_usd) desc, a.id")
                .setParameter(1, UtcDays.day(from)).setParameter(2, UtcDays.day(to)).getResultList();
        return rows.stream().map(r -> new AgentSpend(num(r[0]), (String) r[1], decimal(r[2]))).toList();
    }

    @Override
    public List<DayCost> dailyCosts(Long agentId, LocalDate first, LocalDate last, BoardScope scope) {
        var q = em.createNativeQuery("select spend_day, sum(cost_usd) from spend_agent_day where spend_day >= ?1 and spend_day <= ?2"
                + " and " + scope.condition("board_id") + (agentId != null ? " and agent_id = ?3" : "") + " group by spend_day");
        q.setParameter(1, first).setParameter(2, last);
        if (agentId != null) {
            q.setParameter(3, agentId);
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = q.getResultList();
        return rows.stream().map(r -> new DayCost(localDate(r[0]), decimal(r[1]))).toList();
    }


    private static LocalDate localDate(Object o) {
        return o instanceof LocalDate d ? d : o instanceof java.sql.Date d ? d.toLocalDate() : LocalDate.parse(o.toString());
    }

    /** A count that fits a long (ids, traces, steps); a sum of tokens over traces is read by {@link #integer}. */
    static long num(Object o) {
        return o == null ? 0 : o instanceof BigDecimal d ? d.longValueExact() : ((Number) o).longValue();
    }

    /** A sum of tokens over traces: numeric in SQL, exact here, since it may exceed a long. */
    static BigInteger integer(Object o) {
        return o == null ? BigInteger.ZERO : o instanceof BigDecimal d ? d.toBigIntegerExact()
                : o instanceof BigInteger i ? i : BigInteger.valueOf(((Number) o).longValue());
    }

    static BigDecimal decimal(Object o) {
        return o == null ? BigDecimal.ZERO : o instanceof BigDecimal d ? d : new BigDecimal(o.toString());
    }

    /**
     * A native query's uuid column: a UUID from PostgreSQL's driver, but 16 raw bytes from H2 (bin/demo's
     * database), where {@code toString()} gave "[B@…" and the cost dashboard failed with a 500.
     */
    static UUID uuid(Object o) {
        if (o instanceof UUID u) {
            return u;
        }
        if (o instanceof byte[] b && b.length == 16) {
            java.nio.ByteBuffer bytes = java.nio.ByteBuffer.wrap(b);
            return new UUID(bytes.getLong(), bytes.getLong());
        }
        return UUID.fromString(o.toString());
    }
}
