package dev.agenttraces.traces.trace.infrastructure;

import dev.agenttraces.traces.trace.domain.StepType;
import dev.agenttraces.traces.trace.domain.StoredSpan;
import dev.agenttraces.traces.trace.domain.TokenCounts;
import dev.agenttraces.traces.trace.domain.TraceRoot;
import dev.agenttraces.traces.trace.domain.TraceTotals;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Duration;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The write SQL that OTLP spans need beside {@link TraceWriter}'s: steps found by (trace_id, span_id)
 * through the unique index, parents linked after the fact through the (trace_id, parent_seq, parent_span_id) index,
 * the trace row filled from its root span, and totals rebuilt from the steps when a span was replaced.
 * Every statement runs on the caller's connection, inside the transaction that holds the trace row lock.
 */
final class SpanRows {

    private static final int IN_LIST = 500;

    private SpanRows() {
    }

    static int maxSeq(Connection c, UUID traceId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select coalesce(max(seq), 0) from trace_step where trace_id = ?")) {
            ps.setObject(1, traceId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    /**
     * The stored spans among these ids. In PostgreSQL one {@code = any(array)} parameter: with an IN list of
     * hundreds of parameters the driver's prepared statement soon runs a generic plan that reads every step of
     * the trace by its trace_id and filters the span ids (O(trace size) per export, 200-800 ms on a 15,000-step
     * trace), while the array form keeps both columns as conditions of {@code trace_step_span_uk} (about 1 ms).
     * H2 keeps the portable IN list.
     */
    static Map<String, StoredSpan> storedSpans(Connection c, UUID traceId, Collection<String> spanIds) throws SQLException {
        Map<String, StoredSpan> found = new HashMap<>();
        if (spanIds.isEmpty()) {
            return found;
        }
        if (isPostgres(c)) {
            try (PreparedStatement ps = c.prepareStatement(STORED + " = any(?)")) {
                ps.setObject(1, traceId);
                ps.setArray(2, c.createArrayOf("varchar", spanIds.toArray()));
                readStored(ps, found);
            }
            return found;
        }
        List<String> ids = List.copyOf(spanIds);
        for (int i = 0; i < ids.size(); i += IN_LIST) {
            List<String> part = ids.subList(i, Math.min(ids.size(), i + IN_LIST));
            String marks = String.join(", ", Collections.nCopies(part.size(), "?"));
            try (PreparedStatement ps = c.prepareStatement(STORED + " in (" + marks + ")")) {
                ps.setObject(1, traceId);
                for (int j = 0; j < part.size(); j++) {
                    ps.setString(j + 2, part.get(j));
                }
                readStored(ps, found);
            }
        }
        return found;
    }

    private static final String STORED = "select span_id, seq, content_hash, type from trace_step where trace_id = ? and span_id";

    private static void readStored(PreparedStatement ps, Map<String, StoredSpan> found) throws SQLException {
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                found.put(rs.getString(1), new StoredSpan(rs.getInt(2), rs.getString(3), StepType.valueOf(rs.getString(4))));
            }
        }
    }

    private static boolean isPostgres(Connection c) throws SQLException {
        return c.getMetaData().getDatabaseProductName().toLowerCase(java.util.Locale.ROOT).contains("postgres");
    }

    /** A span's steps: its first step at a seq, and the secondary steps (no span id of their own) under it. */
    private static final String SPAN_STEPS = " from trace_step where trace_id = ? and (seq = ? or (parent_seq = ? and span_id is null))";

    static TraceTotals spanTotals(Connection c, UUID traceId, int firstSeq) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select count(*),"
                + " count(case when type = 'ERROR' then 1 end), coalesce(sum(input_tokens), 0),"
                + " coalesce(sum(output_tokens), 0), coalesce(sum(cached_input_tokens), 0),"
                + " coalesce(sum(reasoning_tokens), 0), coalesce(sum(cache_creation_tokens), 0),"
                + " coalesce(sum(cost_usd), 0), count(*) - count(cost_usd)" + SPAN_STEPS)) {
            ps.setObject(1, traceId);
            ps.setInt(2, firstSeq);
            ps.setInt(3, firstSeq);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                // the span's counts are a part of its trace's totals, each a bigint: their sums fit a long
                TokenCounts tokens = new TokenCounts(rs.getLong(3), rs.getLong(4), rs.getLong(5), rs.getLong(6), rs.getLong(7));
                return new TraceTotals(rs.getInt(1), rs.getInt(2), tokens, rs.getBigDecimal(8), rs.getInt(9));
            }
        }
    }

    static void deleteSpanSteps(Connection c, UUID traceId, int firstSeq) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("delete" + SPAN_STEPS)) {
            ps.setObject(1, traceId);
            ps.setInt(2, firstSeq);
            ps.setInt(3, firstSeq);
            ps.executeUpdate();
        }
    }

    static void linkWaitingChildren(Connection c, UUID traceId, Map<String, Integer> seqBySpanId) throws SQLException {
        if (seqBySpanId.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement("update trace_step set parent_seq = ? where trace_id = ?"
                + " and parent_span_id = ? and parent_seq is null")) {
            for (Map.Entry<String, Integer> e : seqBySpanId.entrySet()) {
                ps.setInt(1, e.getValue());
                ps.setObject(2, traceId);
                ps.setString(3, e.getKey());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    static void applyRoot(Connection c, UUID traceId, TraceRoot root) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("update trace set task_id = ?, agent_id = ?,"
                + " model = coalesce(?, model), provider = coalesce(?, provider), started_at = ?, completed_at = ?,"
                + " duration_ms = ?, status = ?, error_message = ? where id = ?")) {
            ps.setLong(1, root.taskId());
            ps.setLong(2, root.agentId());
            ps.setString(3, root.model());
            ps.setString(4, root.provider());
            TraceRows.setInstant(ps, 5, root.startedAt());
            TraceRows.setInstant(ps, 6, root.completedAt());
            if (root.completedAt() == null) {
                ps.setNull(7, Types.BIGINT);
            } else {
                ps.setLong(7, Duration.between(root.startedAt(), root.completedAt()).toMillis());
            }
            ps.setString(8, root.status().name());
            ps.setString(9, root.errorMessage());
            ps.setObject(10, traceId);
            ps.executeUpdate();
        }
    }

    static void rebuildTotals(Connection c, UUID traceId) throws SQLException {
        String sum = " from trace_step s where s.trace_id = trace.id)";
        try (PreparedStatement ps = c.prepareStatement("update trace set"
                + " step_count = (select count(*)" + sum + ","
                + " error_count = (select count(*) from trace_step s where s.trace_id = trace.id and s.type = 'ERROR'),"
                + " input_tokens = (select coalesce(sum(s.input_tokens), 0)" + sum + ","
                + " output_tokens = (select coalesce(sum(s.output_tokens), 0)" + sum + ","
                + " cached_input_tokens = (select coalesce(sum(s.cached_input_tokens), 0)" + sum + ","
                + " reasoning_tokens = (select coalesce(sum(s.reasoning_tokens), 0)" + sum + ","
                + " cache_creation_tokens = (select coalesce(sum(s.cache_creation_tokens), 0)" + sum + ","
                + " cost_usd = (select coalesce(sum(s.cost_usd), 0)" + sum + ","
                + " unpriced_steps = (select count(*) from trace_step s where s.trace_id = trace.id and s.cost_usd is null)"
                + " where id = ?")) {
            ps.setObject(1, traceId);
            ps.executeUpdate();
        }
    }
}
