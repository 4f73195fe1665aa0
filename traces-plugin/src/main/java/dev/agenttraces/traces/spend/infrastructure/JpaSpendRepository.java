package dev.agenttraces.traces.spend.infrastructure;

import dev.agenttraces.taskboard.model.Agent;
import dev.agenttraces.traces.access.domain.BoardScope;
import dev.agenttraces.traces.spend.domain.AgentBudget;
import dev.agenttraces.traces.spend.domain.AgentSpend;
import dev.agenttraces.traces.spend.domain.Spend;
import dev.agenttraces.traces.spend.domain.SpendRepository;
import dev.agenttraces.traces.spend.domain.TaskCost;
import dev.agenttraces.traces.spend.domain.TraceCost;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * {@link SpendRepository} through the persistence unit: JPQL where it can say the query, native SQL
 * through the same EntityManager where it cannot (the ranking picks each task's top trace with a
 * window function, in one query rather than one per task). Token sums are computed as numeric so no
 * row's sum can overflow a bigint.
 */
@ApplicationScoped
public class JpaSpendRepository implements SpendRepository {

    @PersistenceContext(unitName = "traces")
    EntityManager em;

    @Override
    public Optional<AgentBudget> agent(long agentId) {
        Agent a = em.find(Agent.class, agentId);
        return a == null ? Optional.empty() : Optional.of(new AgentBudget(a.getId(), a.getName(), a.getModel(),
                a.getMonthlyBudgetUsd(), a.getWarningThresholdPercent(), a.getBudgetResetDay()));
    }

    @Override
    public Spend agentSpend(long agentId, Instant from, Instant to, BoardScope scope) {
        Object[] r = em.createQuery("select coalesce(sum(t.costUsd), 0), coalesce(sum(t.unpricedSteps), 0), count(t)"
                        + " from Trace t join t.task k where t.agent.id = :agent and t.receivedAt >= :from"
                        + " and t.receivedAt < :to and " + scope.condition("k.board.id"), Object[].class)
                .setParameter("agent", agentId).setParameter("from", from).setParameter("to", to)
                .getSingleResult();
        return new Spend(agentId, from, to, decimal(r[0]), ((Number) r[1]).longValue(), ((Number) r[2]).longValue());
    }

    @Override
    public List<TaskCost> topTasks(Instant from, Instant to, int limit, BoardScope scope) {
        String period = " t.started_at >= ?1 and t.started_at < ?2 and " + scope.condition("tk.board_id");
        String sql = "select g.task_id, tk.title, tk.board_id, b.name, a.name, g.cost, g.traces, g.steps, g.tokens,"
                + " g.unpriced, top.id from (select t.task_id, sum(t.cost_usd) cost, count(*) traces,"
                + " sum(t.step_count) steps, sum(cast(t.input_tokens as numeric) + t.cached_input_tokens"
                + " + t.cache_creation_tokens + t.output_tokens + t.reasoning_tokens) tokens, sum(t.unpriced_steps) unpriced"
                + " from trace t join task tk on tk.id = t.task_id where" + period
                + " group by t.task_id order by cost desc, t.task_id limit ?3) g"
                + " join task tk on tk.id = g.task_id join board b on b.id = tk.board_id"
                + " join (select t.id, t.task_id, t.agent_id, row_number() over (partition by t.task_id"
                + " order by t.cost_usd desc, t.started_at desc, t.id) rn from trace t join task tk on tk.id = t.task_id"
                + " where" + period + ") top on top.task_id = g.task_id and top.rn = 1"
                + " join agent a on a.id = top.agent_id order by g.cost desc, g.task_id";
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(sql).setParameter(1, from).setParameter(2, to)
                .setParameter(3, limit).getResultList();
        List<TaskCost> tasks = new ArrayList<>(rows.size());
        for (Object[] r : rows) {
            tasks.add(new TaskCost(num(r[0]), (String) r[1], num(r[2]), (String) r[3], (String) r[4], decimal(r[5]),
                    num(r[6]), num(r[7]), num(r[8]), num(r[9]), uuid(r[10])));
        }
        return tasks;
    }

    @Override
    public List<AgentSpend> spendByAgent(Instant from, Instant to, BoardScope scope) {
        return em.createQuery("select new " + AgentSpend.class.getName() + "(a.id, a.name, sum(t.costUsd))"
                        + " from Trace t join t.task k join t.agent a where " + scope.condition("k.board.id")
                        + " and t.startedAt >= :from and t.startedAt < :to group by a.id, a.name"
                        + " order by sum(t.costUsd) desc, a.id", AgentSpend.class)
                .setParameter("from", from).setParameter("to", to).getResultList();
    }

    @Override
    public List<TraceCost> traceCosts(Long agentId, Instant from, Instant to, BoardScope scope) {
        var q = em.createQuery("select new " + TraceCost.class.getName() + "(t.startedAt, t.costUsd)"
                + " from Trace t join t.task k where " + scope.condition("k.board.id")
                + " and t.startedAt >= :from and t.startedAt < :to"
                + (agentId != null ? " and t.agent.id = :agent" : ""), TraceCost.class);
        q.setParameter("from", from).setParameter("to", to);
        if (agentId != null) {
            q.setParameter("agent", agentId);
        }
        return q.getResultList();
    }

    private static long num(Object o) {
        return o == null ? 0 : o instanceof BigDecimal d ? d.longValueExact() : ((Number) o).longValue();
    }

    private static BigDecimal decimal(Object o) {
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
