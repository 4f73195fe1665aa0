package dev.agenttraces.traces.insight.infrastructure;

import dev.agenttraces.traces.insight.domain.FlagChanges;
import dev.agenttraces.traces.insight.domain.FlagTotals;
import dev.agenttraces.traces.insight.domain.StoredFlag;
import dev.agenttraces.traces.trace.infrastructure.JdbcTransaction;
import dev.agenttraces.traces.trace.infrastructure.SpendRollups;
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
 * PostgreSQL and H2), or, for a caller that knows what is stored, only the flags that changed
 * ({@link #saveChanges}), under the trace row's lock, so writers of one trace on several servers take turns. A trace
 * deleted meanwhile makes the insert fail on its
 * foreign key, which rolls back and is reported to the caller.
 */
@ApplicationScoped
public class InsightWriter {

    @Inject
    JdbcTransaction tx;

    public void save(UUID trace, FlagTotals t, List<StoredFlag> flags) {
        tx.run(c -> {
            delete(c, "delete from trace_step_flag where trace_id = ?", trace);
            writeTotals(c, trace, t);
            insertFlags(c, trace, flags);
            return null;
        });
    }

    /** The totals replaced and only the changed flags touched: delete by key, then insert (portable, like save). */
    public void saveChanges(UUID trace, FlagTotals t, FlagChanges changes) {
        tx.run(c -> {
            writeTotals(c, trace, t);
            if (!changes.isEmpty()) {
                try (PreparedStatement ps = c.prepareStatement("delete from trace_step_flag where trace_id = ?"
                        + " and seq = ? and flag = ?")) {
                    for (StoredFlag f : java.util.stream.Stream.concat(changes.deleted().stream(),
                            changes.written().stream()).toList()) {
                        ps.setObject(1, trace);
                        ps.setInt(2, f.seq());
                        ps.setString(3, f.flag().name());
                        ps.addBatch();
                    }
                    ps.executeBatch();
                }
                insertFlags(c, trace, changes.written());
            }
            return null;
        });
    }

    private static void writeTotals(Connection c, UUID trace, FlagTotals t) throws SQLException {
        // The trace row's lock first: two servers refreshing one trace's flags at once would otherwise both find no
        // row to delete and one insert would fail on the key (seen with two clustered servers); now the second waits.
        try (PreparedStatement lock = c.prepareStatement("select id from trace where id = ? for update")) {
            lock.setObject(1, trace);
            lock.executeQuery().close();
        }
        // The trace's waste is part of its agent's spend rollup (V96): read before and after, the difference applied.
        SpendRollups.Pending rollups = new SpendRollups.Pending();
        rollups.around(c, trace, () -> replaceTotals(c, trace, t));
        rollups.flush(c);
    }

    private static void replaceTotals(Connection c, UUID trace, FlagTotals t) throws SQLException {
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
    }

    private static void insertFlags(Connection c, UUID trace, List<StoredFlag> flags) throws SQLException {
        if (flags.isEmpty()) {
            return;
        }
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
