package dev.agenttraces.traces.trace.infrastructure;

import dev.agenttraces.traces.trace.domain.TraceFilter;
import jakarta.persistence.TypedQuery;

/** The JPQL of a {@link TraceFilter} over traces aliased {@code t} with their task {@code k}. */
final class TraceFilters {

    private TraceFilters() {
    }

    static String where(TraceFilter f) {
        if (f == null) {
            return "";
        }
        return (f.status() != null ? " and t.status = :status" : "")
                + (f.from() != null ? " and t.startedAt >= :from" : "")
                + (f.minCost() != null ? " and t.costUsd >= :minCost" : "")
                + (f.maxCost() != null ? " and t.costUsd <= :maxCost" : "")
                + (hasTitle(f) ? " and lower(k.title) like :title escape '\\'" : "")
                + (f.flaggedOnly() ? " and exists (select 1 from TraceInsightTotals x where x.traceId = t.id"
                        + " and (x.redundantCount > 0 or x.loopCount > 0 or x.retryCount > 0))" : "");
    }

    static <T> TypedQuery<T> bind(TypedQuery<T> q, TraceFilter f) {
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
        if (hasTitle(f)) {
            q.setParameter("title", StepFilters.contains(f.title()));
        }
        return q;
    }

    private static boolean hasTitle(TraceFilter f) {
        return f.title() != null && !f.title().isBlank();
    }
}
