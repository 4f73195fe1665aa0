package dev.agenttraces.traces.trace.infrastructure;

import dev.agenttraces.traces.trace.domain.TokenCounts;

import dev.agenttraces.traces.trace.domain.TraceSummary;
import dev.agenttraces.traces.trace.domain.TraceStatus;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

/** Column list and row mapping of the trace table for the write path, and instant binding. */
public final class TraceRows {

    /** Columns in the order {@link #map} reads them; prefix {@code t.}. */
    public static final String COLUMNS = "t.id, t.task_id, t.agent_id, t.status, t.model, t.provider, t.started_at,"
            + " t.completed_at, t.duration_ms, t.error_message, t.step_count, t.error_count, t.input_tokens,"
            + " t.output_tokens, t.cached_input_tokens, t.reasoning_tokens, t.cost_usd, t.unpriced_steps,"
            + " t.cache_creation_tokens";

    /** How many columns {@link #COLUMNS} names, so a query can read its own after them. */
    public static final int COLUMN_COUNT = 19;

    private TraceRows() {
    }

    public static TraceSummary map(ResultSet rs) throws SQLException {
        long duration = rs.getLong(9);
        Long durationMs = rs.wasNull() ? null : duration;
        return new TraceSummary(rs.getObject(1, UUID.class), rs.getLong(2), null, rs.getLong(3), null, null,
                TraceStatus.valueOf(rs.getString(4)), rs.getString(5), rs.getString(6),
                instant(rs.getTimestamp(7)), instant(rs.getTimestamp(8)), durationMs, rs.getString(10),
                rs.getInt(11), rs.getInt(12),
                new TokenCounts(rs.getLong(13), rs.getLong(14), rs.getLong(15), rs.getLong(16), rs.getLong(19)),
                rs.getBigDecimal(17), rs.getInt(18));
    }

    public static Instant instant(Timestamp ts) {
        return ts == null ? null : ts.toInstant();
    }

    /** Binds an instant as timestamp with time zone, which both PostgreSQL and H2 accept. */
    public static void setInstant(PreparedStatement ps, int index, Instant at) throws SQLException {
        ps.setObject(index, at == null ? null : OffsetDateTime.ofInstant(at, ZoneOffset.UTC));
    }
}
