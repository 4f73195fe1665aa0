package dev.agenttraces.traces.spend.infrastructure;

import dev.agenttraces.traces.access.domain.BoardScope;
import dev.agenttraces.traces.spend.domain.AgentSpend;
import dev.agenttraces.traces.spend.domain.Spend;
import dev.agenttraces.traces.spend.domain.TaskCost;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static dev.agenttraces.traces.spend.infrastructure.JpaSpendRepository.decimal;
import static dev.agenttraces.traces.spend.infrastructure.JpaSpendRepository.integer;
import static dev.agenttraces.traces.spend.infrastructure.JpaSpendRepository.num;

/**
 * Spend summed from the traces' totals: the exact answer for a period that does not fall on whole UTC days
 * (which the rollups cannot split), and each top task's most expensive trace, read for the ranked tasks only
 * through {@code trace_task_idx}. Its cost grows with the traces in the period, which is why the views use the
 * rollups.
 */
@ApplicationScoped
public class TraceSpendQueries {

    @PersistenceContext(unitName = "traces")
    EntityManager em;

    /** A task's most expensive trace in a period, and the agent that ran it. */
    record TopTrace(UUID id, String agent) {
    }

    Spend agentSpend(long agentId, Instant from, Instant to, BoardScope scope) {
        Object[] r = em.createQuery("select coalesce(sum(t.costUsd), 0), coalesce(sum(t.unpricedSteps), 0), count(t)"
                        + " from Trace t join t.task k where t.agent.id = :agent and t.receivedAt >= :from"
                        + " and t.receivedAt < :to and " + scope.condition("k.board.id"), Object[].class)
                .setParameter("agent", agentId).setParameter("from", from).setParameter("to", to)
                .getSingleResult();
        return new Spend(agentId, from, to, decimal(r[0]), num(r[1]), num(r[2]));
    }

    List<TaskCost> topTasks(Instant from, Instant to, int limit, BoardScope scope) {
        String sql = "select g.task_id, tk.title, tk.board_id, b.name, g.cost, g.traces, g.steps, g.tokens, g.unpriced"
                + " from (select t.task_id, sum(t.cost_usd) cost, count(*) traces, sum(t.step_count) steps,"
                + " sum(cast(t.input_tokens as numeric) + t.cached_input_tokens + t.cache_creation_tokens"
                + " + t.output_tokens + t.reasoning_tokens) tokens, sum(t.unpriced_steps) unpriced"
                + " from trace t join task tk on tk.id = t.task_id where t.started_at >= ?1 and t.started_at < ?2 and "
                + scope.condition("tk.board_id") + " group by t.task_id order by cost desc, t.task_id limit ?3) g"
                + " join task tk on tk.id = g.task_id join board b on b.id = tk.board_id order by g.cost desc, g.task_id";
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(sql).setParameter(1, from).setParameter(2, to)
                .setParameter(3, limit).getResultList();
        Map<Long, TopTrace> top = topTraces(rows.stream().map(r -> num(r[0])).toList(), from, to);
        List<TaskCost> tasks = new ArrayList<>(rows.size());
        for (Object[] r : rows) {
            TopTrace t = top.get(num(r[0]));
            tasks.add(new TaskCost(num(r[0]), (String) r[1], num(r[2]), (String) r[3], t == null ? null : t.agent(),
                    decimal(r[4]), num(r[5]), num(r[6]), integer(r[7]), num(r[8]), t == null ? null : t.id()));
        }
        return tasks;
    }

    List<AgentSpend> spendByAgent(Instant from, Instant to, BoardScope scope) {
        return em.createQuery("select new " + AgentSpend.class.getName() + "(a.id, a.name, sum(t.costUsd))"
                        + " from Trace t join t.task k join t.agent a where " + scope.condition("k.board.id")
                        + " and t.startedAt >= :from and t.startedAt < :to group by a.id, a.name"
                        + " order by sum(t.costUsd) desc, a.id", AgentSpend.class)
                .setParameter("from", from).setParameter("to", to).getResultList();
    }

    /** Each task's most expensive trace started in [from, to) (ties: the latest, then the lowest id). */
    Map<Long, TopTrace> topTraces(List<Long> taskIds, Instant from, Instant to) {
        Map<Long, TopTrace> top = new HashMap<>();
        if (taskIds.isEmpty()) {
            return top;
        }
        String ids = String.join(", ", taskIds.stream().map(String::valueOf).toList());
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select x.task_id, x.id, a.name from (select t.task_id, t.id,"
                        + " t.agent_id, row_number() over (partition by t.task_id order by t.cost_usd desc,"
                        + " t.started_at desc, t.id) rn from trace t where t.task_id in (" + ids + ")"
                        + " and t.started_at >= ?1 and t.started_at < ?2) x join agent a on a.id = x.agent_id where x.rn = 1")
                .setParameter(1, from).setParameter(2, to).getResultList();
        for (Object[] r : rows) {
            top.put(num(r[0]), new TopTrace(JpaSpendRepository.uuid(r[1]), (String) r[2]));
        }
        return top;
    }

}
