package dev.agenttraces.it.otlp;

import dev.agenttraces.it.support.TestDatabase;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** What the OTLP receiver stored, read straight from PostgreSQL: a trace's steps (with their tree) and totals. */
final class StoredSpans {

    /** One stored step; {@code parentSeq} and {@code spanId} may be null. */
    record Step(int seq, String type, Integer parentSeq, String spanId, String content, String toolName,
                String toolInput, String toolOutput, String model, long input, long output, long cached,
                long reasoning, long cacheCreation, BigDecimal cost, String messages) {
    }

    /** The trace row's fields and totals. */
    record Trace(long taskId, long agentId, String status, String model, String provider, int steps, int errors,
                 long input, long output, long cached, long reasoning, long cacheCreation, BigDecimal cost,
                 int unpriced, Long durationMs) {
    }

    private StoredSpans() {
    }

    /** The trace's UUID, as the receiver derives it from the 32 hex characters of the OTLP trace id. */
    static UUID traceId(String hex) {
        return new UUID(Long.parseUnsignedLong(hex.substring(0, 16), 16), Long.parseUnsignedLong(hex.substring(16), 16));
    }

    static List<Step> steps(UUID traceId) {
        List<Step> steps = new ArrayList<>();
        try (Connection c = TestDatabase.connect(); PreparedStatement ps = c.prepareStatement("select seq, type,"
                + " parent_seq, span_id, content, tool_name, tool_input, tool_output, model, input_tokens, output_tokens,"
                + " cached_input_tokens, reasoning_tokens, cache_creation_tokens, cost_usd, messages from trace_step"
                + " where trace_id = ? order by seq")) {
            ps.setObject(1, traceId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    steps.add(new Step(rs.getInt(1), rs.getString(2), (Integer) rs.getObject(3), rs.getString(4),
                            rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9),
                            rs.getLong(10), rs.getLong(11), rs.getLong(12), rs.getLong(13), rs.getLong(14),
                            strip(rs.getBigDecimal(15)), rs.getString(16)));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return steps;
    }

    static Optional<Trace> trace(UUID traceId) {
        try (Connection c = TestDatabase.connect(); PreparedStatement ps = c.prepareStatement("select task_id, agent_id,"
                + " status, model, provider, step_count, error_count, input_tokens, output_tokens, cached_input_tokens,"
                + " reasoning_tokens, cache_creation_tokens, cost_usd, unpriced_steps, duration_ms from trace where id = ?")) {
            ps.setObject(1, traceId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(new Trace(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getInt(6), rs.getInt(7), rs.getLong(8), rs.getLong(9), rs.getLong(10),
                        rs.getLong(11), rs.getLong(12), strip(rs.getBigDecimal(13)), rs.getInt(14),
                        (Long) rs.getObject(15)));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The step a span became (its first step). */
    static Step ofSpan(List<Step> steps, String spanId) {
        return steps.stream().filter(s -> spanId.equals(s.spanId())).findFirst()
                .orElseThrow(() -> new AssertionError("no step for span " + spanId + " in " + steps));
    }

    /** The tool call id stored on a step (V95's tool_call_id), null when it has none. */
    static String toolCallId(UUID traceId, int seq) {
        try (Connection c = TestDatabase.connect();
             PreparedStatement ps = c.prepareStatement("select tool_call_id from trace_step where trace_id = ? and seq = ?")) {
            ps.setObject(1, traceId);
            ps.setInt(2, seq);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The steps hanging directly under a step. */
    static List<Step> childrenOf(List<Step> steps, int seq) {
        return steps.stream().filter(s -> s.parentSeq() != null && s.parentSeq() == seq).toList();
    }

    private static BigDecimal strip(BigDecimal d) {
        return d == null ? null : d.stripTrailingZeros();
    }
}
