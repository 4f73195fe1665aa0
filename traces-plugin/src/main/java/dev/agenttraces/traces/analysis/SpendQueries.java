package dev.agenttraces.traces.analysis;

import dev.agenttraces.traces.store.domain.TraceStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Spend across traces, for the agent tab and the cost widget. Sums read the traces' maintained totals,
 * never the steps. Every query is limited to the viewer's boards, so a board the viewer is not a
 * member of is not even folded into a total.
 */
@ApplicationScoped
public class SpendQueries {

    /**
     * Sortable columns of the agent tab, by the row property the page sorts on → the JPQL they sort by.
     * A whitelist: the sort field comes from the request, so it never reaches the query text itself.
     */
    private static final Map<String, String> SORTS = Map.of(
            "taskTitle", "k.title", "status", "t.status", "startedAt", "t.startedAt", "durationMs", "t.durationMs",
            "stepCount", "t.stepCount", "tokens", "(t.inputTokens + t.outputTokens + t.cachedInputTokens)", "costUsd", "t.costUsd");

    @PersistenceContext(unitName = "traces")
    EntityManager em;

    /** One row of the agent tab's table. */
    public record AgentTraceRow(UUID id, long taskId, String taskTitle, TraceStatus status, Instant startedAt,
                                Long durationMs, int stepCount, long tokens, BigDecimal costUsd, int unpricedSteps) {
    }

    /** The agent tab's filters; any may be null. */
    public record AgentTraceFilter(TraceStatus status, Instant from, BigDecimal minCost, BigDecimal maxCost, String title) {
    }

    /** One row of the widget's ranking; {@code topTrace} is the task's most expensive trace in the period. */
    public record TaskCost(long taskId, String title, String board, String agent, BigDecimal costUsd, long tokens,
                           long unpricedSteps, UUID topTrace) {
    }

    public record AgentSpend(long agentId, String agent, BigDecimal costUsd) {
    }

    public java.util.Optional<dev.agenttraces.taskboard.model.Agent> agent(long id) {
        return java.util.Optional.ofNullable(em.find(dev.agenttraces.taskboard.model.Agent.class, id));
    }

    public long countAgentTraces(long agentId, Set<Long> boards, AgentTraceFilter f) {
        if (boards.isEmpty()) {
            return 0;
        }
        TypedQuery<Long> q = em.createQuery("select count(t) from Trace t join t.task k where t.agent.id = :agent"
                + " and k.board.id in :boards" + where(f), Long.class);
        return bind(q, agentId, boards, f).getSingleResult();
    }

    public List<AgentTraceRow> agentTraces(long agentId, Set<Long> boards, AgentTraceFilter f, String sortField,
                                           boolean ascending, int first, int max) {
        if (boards.isEmpty()) {
            return List.of();
        }
        String order = SORTS.getOrDefault(sortField, "t.startedAt") + (ascending ? " asc" : " desc") + ", t.id";
        TypedQuery<AgentTraceRow> q = em.createQuery("select new " + AgentTraceRow.class.getName()
                + "(t.id, k.id, k.title, t.status, t.startedAt, t.durationMs, t.stepCount,"
                + " t.inputTokens + t.outputTokens + t.cachedInputTokens, t.costUsd, t.unpricedSteps)"
                + " from Trace t join t.task k where t.agent.id = :agent and k.board.id in :boards" + where(f)
                + " order by " + order, AgentTraceRow.class);
        return bind(q, agentId, boards, f).setFirstResult(first).setMaxResults(max).getResultList();
    }

    /** The agent's spend since {@code from}, on the viewer's boards. */
    public BigDecimal agentSpend(long agentId, Set<Long> boards, Instant from) {
        if (boards.isEmpty()) {
            return BigDecimal.ZERO;
        }
        BigDecimal sum = em.createQuery("select sum(t.costUsd) from Trace t join t.task k where t.agent.id = :agent"
                        + " and k.board.id in :boards and t.startedAt >= :from", BigDecimal.class)
                .setParameter("agent", agentId).setParameter("boards", boards).setParameter("from", from)
                .getSingleResult();
        return sum == null ? BigDecimal.ZERO : sum;
    }

    /** (started, cost) of the traces in a range, optionally of one agent, for a daily chart. */
    public List<Object[]> costsOverTime(Long agentId, Set<Long> boards, Instant from, Instant to) {
        if (boards.isEmpty()) {
            return List.of();
        }
        TypedQuery<Object[]> q = em.createQuery("select t.startedAt, t.costUsd from Trace t join t.task k"
                + " where k.board.id in :boards and t.startedAt >= :from and t.startedAt < :to"
                + (agentId != null ? " and t.agent.id = :agent" : ""), Object[].class);
        q.setParameter("boards", boards).setParameter("from", from).setParameter("to", to);
        if (agentId != null) {
            q.setParameter("agent", agentId);
        }
        return q.getResultList();
    }

    public List<TaskCost> topTasks(Set<Long> boards, Instant from, Instant to, int limit) {
        if (boards.isEmpty()) {
            return List.of();
        }
        List<Object[]> rows = em.createQuery("select k.id, k.title, b.name, a.name, sum(t.costUsd),"
                        + " sum(t.inputTokens + t.outputTokens + t.cachedInputTokens), sum(t.unpricedSteps)"
                        + " from Trace t join t.task k join k.board b join t.agent a"
                        + " where b.id in :boards and t.startedAt >= :from and t.startedAt < :to"
                        + " group by k.id, k.title, b.name, a.name order by sum(t.costUsd) desc, k.id", Object[].class)
                .setParameter("boards", boards).setParameter("from", from).setParameter("to", to)
                .setMaxResults(limit).getResultList();
        List<TaskCost> result = new ArrayList<>();
        for (Object[] r : rows) {
            long task = (Long) r[0];
            UUID top = em.createQuery("select t.id from Trace t where t.task.id = :task and t.startedAt >= :from"
                            + " and t.startedAt < :to order by t.costUsd desc, t.startedAt desc", UUID.class)
                    .setParameter("task", task).setParameter("from", from).setParameter("to", to)
                    .setMaxResults(1).getSingleResult();
            result.add(new TaskCost(task, (String) r[1], (String) r[2], (String) r[3], (BigDecimal) r[4],
                    ((Number) r[5]).longValue(), ((Number) r[6]).longValue(), top));
        }
        return result;
    }

    public List<AgentSpend> spendByAgent(Set<Long> boards, Instant from, Instant to) {
        if (boards.isEmpty()) {
            return List.of();
        }
        return em.createQuery("select new " + AgentSpend.class.getName() + "(a.id, a.name, sum(t.costUsd))"
                        + " from Trace t join t.task k join t.agent a where k.board.id in :boards"
                        + " and t.startedAt >= :from and t.startedAt < :to group by a.id, a.name order by sum(t.costUsd) desc",
                        AgentSpend.class)
                .setParameter("boards", boards).setParameter("from", from).setParameter("to", to).getResultList();
    }

    private static String where(AgentTraceFilter f) {
        StringBuilder w = new StringBuilder();
        if (f == null) {
            return "";
        }
        w.append(f.status() != null ? " and t.status = :status" : "");
        w.append(f.from() != null ? " and t.startedAt >= :from" : "");
        w.append(f.minCost() != null ? " and t.costUsd >= :minCost" : "");
        w.append(f.maxCost() != null ? " and t.costUsd <= :maxCost" : "");
        w.append(f.title() != null && !f.title().isBlank() ? " and lower(k.title) like :title escape '\\'" : "");
        return w.toString();
    }

    private static <T> TypedQuery<T> bind(TypedQuery<T> q, long agentId, Set<Long> boards, AgentTraceFilter f) {
        q.setParameter("agent", agentId).setParameter("boards", boards);
        if (f == null) {
            return q;
        }
        if (f.status() != null) {
            q.setParameter("status", f.status());
        }
        if (f.from() != null) {
            q.setParameter("from", f.from());
        }
        if (f.minCost() != null) {
            q.setParameter("minCost", f.minCost());
        }
        if (f.maxCost() != null) {
            q.setParameter("maxCost", f.maxCost());
        }
        if (f.title() != null && !f.title().isBlank()) {
            String t = f.title().trim().toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
            q.setParameter("title", "%" + t + "%");
        }
        return q;
    }
}
