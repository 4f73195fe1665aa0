package dev.agenttraces.traces.trace.infrastructure;

import dev.agenttraces.traces.trace.domain.TraceChanges;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@link TraceChanges} as one grouped query over the trace rows' own totals (count, step count, running
 * count, last completion): no step is read, so a check over every open panel of a node stays one small
 * index-backed query, on PostgreSQL and H2 alike.
 */
@ApplicationScoped
public class JdbcTraceChanges implements TraceChanges {

    /** Ids per statement, well under any driver's parameter limit. */
    private static final int CHUNK = 500;

    @Inject
    JdbcTransaction tx;

    @Override
    public Map<Long, String> versions(Collection<Long> taskIds) {
        List<Long> ids = new ArrayList<>(taskIds);
        Map<Long, String> versions = new HashMap<>();
        for (int from = 0; from < ids.size(); from += CHUNK) {
            List<Long> chunk = ids.subList(from, Math.min(ids.size(), from + CHUNK));
            versions.putAll(tx.read(c -> {
                String marks = String.join(",", java.util.Collections.nCopies(chunk.size(), "?"));
                try (PreparedStatement ps = c.prepareStatement("select task_id, count(*), coalesce(sum(step_count), 0),"
                        + " sum(case when status = 'RUNNING' then 1 else 0 end), max(completed_at)"
                        + " from trace where task_id in (" + marks + ") group by task_id")) {
                    for (int i = 0; i < chunk.size(); i++) {
                        ps.setLong(i + 1, chunk.get(i));
                    }
                    Map<Long, String> read = new HashMap<>();
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            read.put(rs.getLong(1), rs.getLong(2) + "/" + rs.getLong(3) + "/" + rs.getLong(4) + "/"
                                    + rs.getTimestamp(5));
                        }
                    }
                    return read;
                }
            }));
        }
        return versions;
    }
}
