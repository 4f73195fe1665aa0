package dev.agenttraces.traces.trace.infrastructure;

import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;

import java.time.Instant;
import java.util.UUID;

/**
 * The partition key of one trace's steps: the trace's creation instant, which every JPQL read of a trace's steps names
 * beside the trace id ({@code s.traceCreatedAt = :created}, see {@link #CONDITION}).
 *
 * <p>On PostgreSQL {@code trace_step} is partitioned by month on that column (V97), so with it a query reads one
 * partition's index, in key order. Without it the planner sees every month's partition and, when the statistics have
 * not yet counted a trace that grew this month, may sort all of that trace's steps to find its first page: a third
 * of a second for a 200,000-step trace, where the pruned query takes under a millisecond (docs/SCALE.md,
 * "Partitions"). On H2 the column is a plain one and the condition is merely true.
 */
public final class StepPartitionKey {

    /** The condition on steps aliased {@code s}; its parameter is {@code created}. */
    public static final String CONDITION = "s.traceCreatedAt = :created";

    /** The steps of one trace, by its id ({@code :trace}) and partition key: {@code "select …" + STEPS + " and …"}. */
    public static final String STEPS = " from TraceStep s where s.traceId = :trace and " + CONDITION;

    private StepPartitionKey() {
    }

    /** A query over the steps of one trace (built on {@link #STEPS}), with the trace and its partition key bound. */
    public static <T> TypedQuery<T> query(EntityManager em, String jpql, Class<T> type, UUID trace) {
        return em.createQuery(jpql, type).setParameter("trace", trace).setParameter("created", of(em, trace));
    }

    /** The trace's creation instant; for a trace that does not exist, the epoch, which no step has. */
    public static Instant of(EntityManager em, UUID trace) {
        return em.createQuery("select t.createdAt from Trace t where t.id = :id", Instant.class)
                .setParameter("id", trace).getResultStream().findFirst().orElse(Instant.EPOCH);
    }
}
