package dev.agenttraces.traces.trace.infrastructure;

import dev.agenttraces.traces.trace.domain.StepInput;

import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * The one INSERT of a step row and its parameter binding (the write path on databases without COPY, H2 in the
 * demo; PostgreSQL takes the same rows through {@link StepCopy}). Public so the ingest benchmark measures raw
 * JDBC with exactly the statement the API uses.
 */
public final class StepInsert {

    /** The step row's columns, in the order {@link #bind} and {@link StepCopy} write them. */
    public static final String COLUMNS = "trace_id, seq, type, content, tool_name, tool_input, tool_output, model,"
            + " input_tokens, output_tokens, cached_input_tokens, reasoning_tokens, cost_usd, started_at, duration_ms,"
            + " content_hash, cache_creation_tokens, parent_seq, span_id, parent_span_id, messages, redactions, tool_call_id,"
            + " trace_created_at";

    public static final String SQL = "insert into trace_step (" + COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
            + " ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    private StepInsert() {
    }

    /**
     * Binds one step of the trace {@code traceId}, created at {@code traceCreatedAt}: the trace row's
     * {@code created_at}, which every step of the trace carries as its partition key (V97, docs/SCALE.md).
     */
    public static void bind(PreparedStatement ps, UUID traceId, OffsetDateTime traceCreatedAt, StepInput step,
                            String model, BigDecimal cost, String hash) throws SQLException {
        ps.setObject(1, traceId);
        ps.setInt(2, step.seq());
        ps.setString(3, step.type().name());
        setText(ps, 4, step.content());
        setText(ps, 5, step.toolName());
        setText(ps, 6, step.toolInput());
        setText(ps, 7, step.toolOutput());
        setText(ps, 8, model);
        ps.setLong(9, step.tokens().input());
        ps.setLong(10, step.tokens().output());
        ps.setLong(11, step.tokens().cachedInput());
        ps.setLong(12, step.tokens().reasoning());
        if (cost == null) {
            ps.setNull(13, Types.NUMERIC);
        } else {
            ps.setBigDecimal(13, cost);
        }
        TraceRows.setInstant(ps, 14, step.startedAt());
        if (step.durationMs() == null) {
            ps.setNull(15, Types.BIGINT);
        } else {
            ps.setLong(15, step.durationMs());
        }
        ps.setString(16, hash);
        ps.setLong(17, step.tokens().cacheCreation());
        if (step.parentSeq() == null) {
            ps.setNull(18, Types.INTEGER);
        } else {
            ps.setInt(18, step.parentSeq());
        }
        setText(ps, 19, step.spanId());
        setText(ps, 20, step.parentSpanId());
        setText(ps, 21, step.messages());
        ps.setInt(22, step.redactions());
        setText(ps, 23, step.toolCallId());
        ps.setObject(24, traceCreatedAt);
    }

    private static void setText(PreparedStatement ps, int index, String value) throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.VARCHAR);
        } else {
            ps.setString(index, value);
        }
    }
}
