package dev.agenttraces.traces.trace.infrastructure;

import dev.agenttraces.traces.access.domain.BoardScope;
import dev.agenttraces.traces.trace.domain.TraceFilter;
import dev.agenttraces.traces.trace.domain.TraceKey;
import dev.agenttraces.traces.trace.domain.TraceSort;
import dev.agenttraces.traces.trace.domain.TraceSummary;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Keyset pages of an agent's traces. The order is the offset list's: the key ascending with nulls first, or
 * descending with nulls last, then the id in the same direction, so one index {@code (agent_id, key, id)} serves
 * both directions (V75). A nullable key is read as two zones, the traces without a value and those with one, each
 * a plain range of that index ({@code key >= v and (key > v or id > last)}), never an {@code or key is null} that
 * would make the database scan from the start of the list; a page that crosses from one zone into the next reads
 * the rest of it from the next zone's start.
 */
final class AgentTraceKeyset {

    private final EntityManager em;

    AgentTraceKeyset(EntityManager em) {
        this.em = em;
    }

    List<TraceSummary> after(long agentId, BoardScope scope, TraceFilter filter, TraceSort sort, boolean ascending,
                             TraceKey after, int limit) {
        boolean nullable = sort == TraceSort.DURATION_MS || sort == TraceSort.WASTE;
        // zones in list order: nulls are the smallest values
        List<Boolean> zonesAreNull = !nullable ? List.of(false) : ascending ? List.of(true, false) : List.of(false, true);
        int zone = nullable ? zonesAreNull.indexOf(after.value() == null) : 0;
        List<TraceSummary> page = new ArrayList<>(read(agentId, scope, filter, sort, ascending, zonesAreNull.get(zone), after, limit));
        for (int z = zone + 1; z < zonesAreNull.size() && page.size() < limit; z++) {
            page.addAll(read(agentId, scope, filter, sort, ascending, zonesAreNull.get(z), null, limit - page.size()));
        }
        return page;
    }

    Optional<TraceKey> keyOf(UUID traceId, TraceSort sort) {
        List<?> rows = em.createQuery("select " + JpaTraceRepository.column(sort) + " from Trace t join t.task k"
                        + " left join TraceInsightTotals i on i.traceId = t.id where t.id = :id")
                .setParameter("id", traceId).getResultList();
        return rows.isEmpty() ? Optional.empty() : Optional.of(new TraceKey(rows.get(0), traceId));
    }

    private List<TraceSummary> read(long agentId, BoardScope scope, TraceFilter filter, TraceSort sort,
                                    boolean ascending, boolean nullZone, TraceKey after, int limit) {
        String col = JpaTraceRepository.column(sort);
        String dir = ascending ? " asc" : " desc";
        String later = ascending ? " > " : " < ";
        String range;
        if (nullZone) {
            range = " and " + col + " is null" + (after != null ? " and t.id" + later + ":kid" : "");
        } else if (after != null) {
            range = " and " + col + (ascending ? " >= " : " <= ") + ":kv and (" + col + later + ":kv or t.id" + later + ":kid)";
        } else {
            range = " and " + col + " is not null";
        }
        String order = nullZone ? " order by t.id" + dir : " order by " + col + dir + ", t.id" + dir;
        TypedQuery<TraceSummary> q = em.createQuery(JpaTraceRepository.AGENT_SUMMARY + "a.id = :agent and "
                + scope.condition("k.board.id") + TraceFilters.where(filter) + range + order, TraceSummary.class);
        TraceFilters.bind(q.setParameter("agent", agentId), filter);
        if (after != null) {
            q.setParameter("kid", after.id());
            if (!nullZone) {
                q.setParameter("kv", after.value());
            }
        }
        return q.setMaxResults(limit).getResultList();
    }
}
