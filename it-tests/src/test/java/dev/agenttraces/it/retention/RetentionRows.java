package dev.agenttraces.it.retention;

import dev.agenttraces.it.support.TestDatabase;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The rows that hang off a trace: a trace's insight row, a step flag and an annotation (V60, V61) written straight
 * into the store, and a count of a trace's rows in every table of the schema that has a {@code trace_id} column,
 * found in the catalogue, so a table added later is checked too.
 */
final class RetentionRows {

    private RetentionRows() {
    }

    /** An insight row, a TOP_COST flag on step 1 and an annotation on step 1 (the trace has at least one step). */
    static void dependents(UUID trace) {
        try (Connection c = TestDatabase.connect()) {
            run(c, "insert into trace_insight (trace_id, settings_fingerprint, step_count, last_seq, computed_at)"
                    + " values (?, 'retention-it', 1, 1, current_timestamp)", trace);
            run(c, "insert into trace_step_flag (trace_id, seq, flag, end_seq, cost_usd) values (?, 1, 'TOP_COST', 1, 0)",
                    trace);
            run(c, "insert into step_annotation (trace_id, seq, label, note, author, created_at)"
                    + " values (?, 1, 'GOOD', 'kept for the retention test', 'retention-it', current_timestamp)", trace);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Moves a trace's receive time (its budget day), as a back-dated trace received today has. */
    static void receivedNow(UUID trace) {
        try (Connection c = TestDatabase.connect()) {
            run(c, "update trace set received_at = current_timestamp where id = ?", trace);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The tables of the current schema with a trace_id column, the trace table itself first (as {@code id}). */
    static List<String> tables(Connection c) throws SQLException {
        List<String> out = new ArrayList<>(List.of("trace"));
        try (PreparedStatement ps = c.prepareStatement("select table_name from information_schema.columns"
                + " where table_schema = current_schema() and column_name = 'trace_id' order by table_name");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }

    /** The trace's rows per table, for every table {@link #tables} finds. */
    static Map<String, Long> rows(UUID trace) {
        try (Connection c = TestDatabase.connect()) {
            Map<String, Long> out = new LinkedHashMap<>();
            for (String table : tables(c)) {
                String key = table.equals("trace") ? "id" : "trace_id";
                try (PreparedStatement ps = c.prepareStatement("select count(*) from " + table + " where " + key + " = ?")) {
                    ps.setObject(1, trace);
                    try (ResultSet rs = ps.executeQuery()) {
                        rs.next();
                        out.put(table, rs.getLong(1));
                    }
                }
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void run(Connection c, String sql, Object... params) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            ps.executeUpdate();
        }
    }
}
