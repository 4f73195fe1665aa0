package dev.agenttraces.traces.trace.infrastructure;

import dev.agenttraces.traces.trace.domain.PricedStep;
import dev.agenttraces.traces.trace.domain.TraceStore;
import dev.agenttraces.traces.trace.domain.TraceTotals;

import dev.agenttraces.traces.trace.domain.FinishTrace;
import dev.agenttraces.traces.trace.domain.StepInput;
import dev.agenttraces.traces.trace.domain.TraceSummary;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Logger;

/**
 * The trace store's write SQL, on a connection whose transaction the caller owns. Steps go in with one COPY
 * on PostgreSQL ({@link StepCopy}) or one JDBC batch elsewhere (the driver can rewrite it into multi-row
 * inserts, see README), and the trace's totals
 * move by one UPDATE per batch, so the row lock taken by {@link #lock} serialises concurrent batches
 * of one trace and the totals stay exact.
 */
@ApplicationScoped
public class TraceWriter {

    @Inject
    @ConfigProperty(name = "agent.traces.ingest.copy-steps", defaultValue = "true")
    boolean copySteps;

    private static final Logger LOG = Logger.getLogger(TraceWriter.class.getName());
    /** The write path is logged once, so a deployment can see which one it took. */
    private volatile boolean pathLogged;


    public Optional<TraceSummary> read(Connection c, UUID id) throws SQLException {
        return select(c, "select " + TraceRows.COLUMNS + " from trace t where t.id = ?", id);
    }

    /**
     * Reads the trace and locks its row until the transaction ends, and puts its creation instant, its steps'
     * partition key, into {@code createdAt}: the lock comes before every batch of steps, so the key costs no query.
     */
    public Optional<TraceSummary> lock(Connection c, UUID id, Map<UUID, OffsetDateTime> createdAt) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select " + TraceRows.COLUMNS + ", t.created_at from trace t"
                + " where t.id = ? for update")) {
            ps.setObject(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                createdAt.put(id, rs.getObject(TraceRows.COLUMN_COUNT + 1, OffsetDateTime.class));
                return Optional.of(TraceRows.map(rs));
            }
        }
    }

    /** The trace's creation instant, the partition key of its steps (V97), for a trace this transaction did not lock. */
    public OffsetDateTime createdAt(Connection c, UUID id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select created_at from trace where id = ?")) {
            ps.setObject(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new SQLException("No trace " + id + " to add steps to");
                }
                return rs.getObject(1, OffsetDateTime.class);
            }
        }
    }

    private Optional<TraceSummary> select(Connection c, String sql, UUID id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setObject(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(TraceRows.map(rs)) : Optional.empty();
            }
        }
    }

    /** The task's board and assignee, or empty when there is no such task. */
    public Optional<TraceStore.TaskPlacement> taskPlacement(Connection c, long taskId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select board_id, assignee_agent_id from task where id = ?")) {
            ps.setLong(1, taskId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                long board = rs.getLong(1);
                long assignee = rs.getLong(2);
                return Optional.of(new TraceStore.TaskPlacement(board, rs.wasNull() ? null : assignee));
            }
        }
    }

    /** The agent's configured model and provider, or empty when there is no such agent. */
    public Optional<TraceStore.AgentDefaults> agentDefaults(Connection c, long agentId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select model, provider from agent where id = ?")) {
            ps.setLong(1, agentId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(new TraceStore.AgentDefaults(rs.getString(1), rs.getString(2))) : Optional.empty();
            }
        }
    }

    public void insertTrace(Connection c, UUID id, long taskId, long agentId, String model, String provider,
                            Instant startedAt) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("insert into trace (id, task_id, agent_id, status, model,"
                + " provider, started_at) values (?, ?, ?, 'RUNNING', ?, ?, ?)")) {
            ps.setObject(1, id);
            ps.setLong(2, taskId);
            ps.setLong(3, agentId);
            ps.setString(4, model);
            ps.setString(5, provider);
            TraceRows.setInstant(ps, 6, startedAt);
            ps.executeUpdate();
        }
    }

    /**
     * Hashes of the steps already stored with a sequence in [from, to]. The trace's creation instant names the one
     * partition its steps are in, so PostgreSQL probes that partition's index alone.
     */
    public Map<Integer, String> existingHashes(Connection c, UUID traceId, OffsetDateTime traceCreatedAt, int from,
                                               int to) throws SQLException {
        Map<Integer, String> hashes = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("select seq, content_hash from trace_step"
                + " where trace_id = ? and trace_created_at = ? and seq between ? and ?")) {
            ps.setObject(1, traceId);
            ps.setObject(2, traceCreatedAt);
            ps.setInt(3, from);
            ps.setInt(4, to);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    hashes.put(rs.getInt(1), rs.getString(2));
                }
            }
        }
        return hashes;
    }

    /**
     * Writes new step rows: with COPY on PostgreSQL (unless {@code agent.traces.ingest.copy-steps=false}), as one
     * JDBC batch elsewhere (H2 in the demo). Both write the same rows in the caller's transaction.
     */
    public void insertSteps(Connection c, UUID traceId, OffsetDateTime traceCreatedAt, List<PricedStep> steps)
            throws SQLException {
        if (steps.isEmpty()) {
            return;
        }
        boolean copy = copySteps && StepCopy.supports(c);
        if (!pathLogged) {
            pathLogged = true;
            LOG.info(copy ? "Steps are written with COPY (PostgreSQL)" : "Steps are written with JDBC batch inserts");
        }
        if (copy) {
            StepCopy.copy(c, traceId, traceCreatedAt, steps);
            return;
        }
        try (PreparedStatement ps = c.prepareStatement(StepInsert.SQL)) {
            for (PricedStep priced : steps) {
                StepInsert.bind(ps, traceId, traceCreatedAt, priced.step(), priced.model(), priced.cost(), priced.hash());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    public void addTotals(Connection c, UUID traceId, TraceTotals t) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("update trace set step_count = step_count + ?,"
                + " error_count = error_count + ?, input_tokens = input_tokens + ?, output_tokens = output_tokens + ?,"
                + " cached_input_tokens = cached_input_tokens + ?, reasoning_tokens = reasoning_tokens + ?,"
                + " cost_usd = cost_usd + ?, unpriced_steps = unpriced_steps + ?,"
                + " cache_creation_tokens = cache_creation_tokens + ?, received_at = current_timestamp where id = ?")) {
            ps.setInt(1, t.steps());
            ps.setInt(2, t.errors());
            ps.setLong(3, t.tokens().input());
            ps.setLong(4, t.tokens().output());
            ps.setLong(5, t.tokens().cachedInput());
            ps.setLong(6, t.tokens().reasoning());
            ps.setBigDecimal(7, t.cost());
            ps.setInt(8, t.unpriced());
            ps.setLong(9, t.tokens().cacheCreation());
            ps.setObject(10, traceId);
            ps.executeUpdate();
        }
    }

    public void finish(Connection c, UUID traceId, FinishTrace finish, long durationMs) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("update trace set status = ?, error_message = ?,"
                + " completed_at = ?, duration_ms = ? where id = ?")) {
            ps.setString(1, finish.status().name());
            if (finish.errorMessage() == null) {
                ps.setNull(2, Types.VARCHAR);
            } else {
                ps.setString(2, finish.errorMessage());
            }
            TraceRows.setInstant(ps, 3, finish.completedAt());
            ps.setLong(4, durationMs);
            ps.setObject(5, traceId);
            ps.executeUpdate();
        }
    }
}
