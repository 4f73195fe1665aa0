package dev.agenttraces.traces.insight.infrastructure;

import dev.agenttraces.traces.insight.domain.FlagTotals;
import dev.agenttraces.traces.insight.domain.StoredFlag;
import dev.agenttraces.traces.trace.infrastructure.JdbcTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.util.List;
import java.util.UUID;

/**
 * Replaces a trace's insight row and flags in one JDBC transaction (delete, insert: portable between
 * PostgreSQL and H2, and the flags of a trace are few). A trace deleted meanwhile makes the insert fail on its
 * foreign key, which rolls back and is reported to the caller.
 */
@ApplicationScoped
public class InsightWriter {

    @Inject
    JdbcTransaction tx;

    public void save(UUID trace, FlagTotals t, List<StoredFlag> flags) {
        tx.run(c -> {
            delete(c, "delete from trace_step_flag where trace_id = ?", trace);
            delete(c, "delete from trace_insight where trace_id = ?", trace);
            try (PreparedStatement ps = c.prepareStatement("insert into trace_insight (trace_id, settings_fingerprint,"
                    + " step_count, last_seq, redundant_count, redundant_cost_usd, loop_count, loop_cost_usd, retry_count,"
                    + " ends_in_error, failed_after_retries, waste_cost_usd, computed_at)"
                    + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                ps.setObject(1, trace);
                ps.setString(2, t.settingsFingerprint());
                ps.setInt(3, t.stepCount());
                ps.setInt(4, t.lastSeq());
                ps.setInt(5, t.redundantCount());
                ps.setBigDecimal(6, t.redundantCostUsd());
                ps.setInt(7, t.loopCount());
                ps.setBigDecimal(8, t.loopCostUsd());
                ps.setInt(9, t.retryCount());
                ps.setBoolean(10, t.endsInError());
                ps.setBoolean(11, t.failedAfterRetries());
                ps.setBigDecimal(12, t.wasteCostUsd());
                ps.setTimestamp(13, Timestamp.from(t.computedAt()));
                ps.executeUpdate();
            }
            if (!flags.isEmpty()) {
                try (PreparedStatement ps = c.prepareStatement("insert into trace_step_flag (trace_id, seq, flag, end_seq,"
                        + " ref_seq, repetitions, cost_usd) values (?, ?, ?, ?, ?, ?, ?)")) {
                    for (StoredFlag f : flags) {
                        ps.setObject(1, trace);
                        ps.setInt(2, f.seq());
                        ps.setString(3, f.flag().name());
                        ps.setInt(4, f.endSeq());
                        setInt(ps, 5, f.refSeq());
                        setInt(ps, 6, f.repetitions());
                        ps.setBigDecimal(7, f.costUsd());
                        ps.addBatch();
                    }
                    ps.executeBatch();
                }
            }
            return null;
        });
    }

    private static void delete(Connection c, String sql, UUID trace) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setObject(1, trace);
            ps.executeUpdate();
        }
    }

    private static void setInt(PreparedStatement ps, int i, Integer v) throws SQLException {
        if (v == null) {
            ps.setNull(i, Types.INTEGER);
        } else {
            ps.setInt(i, v);
        }
    }
}
