package dev.agenttraces.traces.ingest.infrastructure;

import dev.agenttraces.traces.ingest.domain.Spend;
import dev.agenttraces.traces.ingest.domain.StoredStep;
import dev.agenttraces.traces.ingest.domain.TaskCost;
import dev.agenttraces.traces.ingest.domain.TraceSummary;
import dev.agenttraces.traces.ingest.domain.Visibility;
import dev.agenttraces.traces.store.domain.StepType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The read SQL of the trace API. Aggregates (spend, top tasks) sum trace totals over the
 * (agent_id, started_at) and (started_at) indexes, never steps; every query joins the task to apply
 * the reader's board {@link Visibility}.
 */
@ApplicationScoped
public class TraceReader {

    /** Sort keys the agent trace list accepts, mapped to columns (never user text in SQL). */
    public enum SortKey {
        STARTED_AT("t.started_at"), COST_USD("t.cost_usd"), DURATION_MS("t.duration_ms"),
        STEP_COUNT("t.step_count"), STATUS("t.status");

        final String column;

        SortKey(String column) {
            this.column = column;
        }
    }

    private static final String FROM = " from trace t join task tk on tk.id = t.task_id";

    @Inject
    JdbcTransaction db;

    public Optional<TraceSummary> trace(UUID id, Visibility v) {
        List<TraceSummary> found = traces("select " + TraceRows.COLUMNS + FROM + " where t.id = ? and "
                + v.condition("tk"), ps -> ps.setObject(1, id));
        return found.stream().findFirst();
    }

    /** The task's board, if the task exists and the reader may see it. */
    public Optional<Long> visibleTaskBoard(long taskId, Visibility v) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("select tk.board_id from task tk where tk.id = ? and "
                    + v.condition("tk"))) {
                ps.setLong(1, taskId);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(rs.getLong(1)) : Optional.empty();
                }
            }
        });
    }

    public boolean agentExists(long agentId) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("select 1 from agent where id = ?")) {
                ps.setLong(1, agentId);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next();
                }
            }
        });
    }

    public List<TraceSummary> taskTraces(long taskId, Visibility v) {
        return traces("select " + TraceRows.COLUMNS + FROM + " where t.task_id = ? and " + v.condition("tk")
                + " order by t.started_at desc, t.id", ps -> ps.setLong(1, taskId));
    }

    public List<TraceSummary> agentTraces(long agentId, Visibility v, SortKey sort, boolean ascending,
                                          int offset, int limit) {
        String order = sort.column + (ascending ? " asc" : " desc") + (ascending ? " nulls first" : " nulls last");
        return traces("select " + TraceRows.COLUMNS + FROM + " where t.agent_id = ? and " + v.condition("tk")
                + " order by " + order + ", t.id limit ? offset ?", ps -> {
                    ps.setLong(1, agentId);
                    ps.setInt(2, limit);
                    ps.setInt(3, offset);
                });
    }

    public long countAgentTraces(long agentId, Visibility v) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("select count(*)" + FROM + " where t.agent_id = ? and "
                    + v.condition("tk"))) {
                ps.setLong(1, agentId);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        });
    }

    public List<StoredStep> steps(UUID traceId, int offset, int limit) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("select seq, type, content, tool_name, tool_input,"
                    + " tool_output, model, input_tokens, output_tokens, cached_input_tokens, reasoning_tokens,"
                    + " cost_usd, started_at, duration_ms from trace_step where trace_id = ?"
                    + " order by seq limit ? offset ?")) {
                ps.setObject(1, traceId);
                ps.setInt(2, limit);
                ps.setInt(3, offset);
                List<StoredStep> steps = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        long d = rs.getLong(14);
                        Long duration = rs.wasNull() ? null : d;
                        steps.add(new StoredStep(rs.getInt(1), StepType.valueOf(rs.getString(2)), rs.getString(3),
                                rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getLong(8),
                                rs.getLong(9), rs.getLong(10), rs.getLong(11), rs.getBigDecimal(12),
                                TraceRows.instant(rs.getTimestamp(13)), duration));
                    }
                }
                return steps;
            }
        });
    }

    public Spend spend(long agentId, Instant from, Instant to, Visibility v) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("select coalesce(sum(t.cost_usd), 0),"
                    + " coalesce(sum(t.unpriced_steps), 0), count(*)" + FROM
                    + " where t.agent_id = ? and t.started_at >= ? and t.started_at < ? and " + v.condition("tk"))) {
                ps.setLong(1, agentId);
                TraceRows.setInstant(ps, 2, from);
                TraceRows.setInstant(ps, 3, to);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return new Spend(agentId, from, to, rs.getBigDecimal(1), rs.getLong(2), rs.getLong(3));
                }
            }
        });
    }

    public List<TaskCost> topTasks(Instant from, Instant to, int limit, Visibility v) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("select tk.id, tk.title, tk.board_id, sum(t.cost_usd) cost,"
                    + " count(*), sum(t.step_count), sum(t.unpriced_steps)" + FROM
                    + " where t.started_at >= ? and t.started_at < ? and " + v.condition("tk")
                    + " group by tk.id, tk.title, tk.board_id order by cost desc, tk.id limit ?")) {
                TraceRows.setInstant(ps, 1, from);
                TraceRows.setInstant(ps, 2, to);
                ps.setInt(3, limit);
                List<TaskCost> tasks = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        tasks.add(new TaskCost(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getBigDecimal(4),
                                rs.getLong(5), rs.getLong(6), rs.getLong(7)));
                    }
                }
                return tasks;
            }
        });
    }

    @FunctionalInterface
    private interface Binder {
        void bind(PreparedStatement ps) throws SQLException;
    }

    private List<TraceSummary> traces(String sql, Binder binder) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                binder.bind(ps);
                List<TraceSummary> traces = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        traces.add(TraceRows.map(rs));
                    }
                }
                return traces;
            }
        });
    }
}
