package dev.agenttraces.it.ingest;

import dev.agenttraces.it.support.TestDatabase;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;

/** Reads what the ingest API really stored, straight from PostgreSQL. */
public final class TraceRowsInDb {

    /** A trace's totals next to the same figures summed from its steps. */
    public record Totals(long steps, long errors, long input, long output, long cached, long reasoning, BigDecimal cost,
                  long unpriced) {
    }

    private TraceRowsInDb() {
    }

    public static Totals stored(UUID traceId) {
        return totals("select step_count, error_count, input_tokens, output_tokens, cached_input_tokens,"
                + " reasoning_tokens, cost_usd, unpriced_steps from trace where id = ?", traceId);
    }

    public static Totals summedFromSteps(UUID traceId) {
        return totals("select count(*), count(*) filter (where type = 'ERROR'), coalesce(sum(input_tokens), 0),"
                + " coalesce(sum(output_tokens), 0), coalesce(sum(cached_input_tokens), 0),"
                + " coalesce(sum(reasoning_tokens), 0), coalesce(sum(cost_usd), 0),"
                + " count(*) filter (where cost_usd is null) from trace_step where trace_id = ?", traceId);
    }

    private static Totals totals(String sql, UUID traceId) {
        try (Connection c = TestDatabase.connect(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setObject(1, traceId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new AssertionError("no trace " + traceId);
                }
                return new Totals(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5),
                        rs.getLong(6), rs.getBigDecimal(7).stripTrailingZeros(), rs.getLong(8));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    static long stepCount(UUID traceId) {
        return stored(traceId).steps();
    }

    static long rows(String sql, Object param) {
        return TestDatabase.single(sql, param);
    }
}
