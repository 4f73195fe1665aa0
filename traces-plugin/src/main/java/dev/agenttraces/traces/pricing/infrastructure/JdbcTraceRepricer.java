package dev.agenttraces.traces.pricing.infrastructure;

import dev.agenttraces.traces.pricing.application.TraceRepricing;

import dev.agenttraces.traces.pricing.domain.CostRule;

import dev.agenttraces.traces.pricing.application.RecomputeScope;
import dev.agenttraces.traces.pricing.application.StepPricer;
import dev.agenttraces.traces.trace.domain.TokenCounts;
import dev.agenttraces.traces.trace.infrastructure.SpendRollups;
import dev.agenttraces.traces.trace.infrastructure.TracesDataSource;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import javax.sql.DataSource;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * Re-prices stored steps and rebuilds their traces' cost totals. A step's model is its own, or the
 * trace's when the step names none; its provider is the trace's. Lock order is the ingest path's: the
 * trace row first ({@code select … for update}), then its steps, then its totals, so a step arriving
 * during a recomputation waits and is then counted exactly once. The spend rollups move with the totals,
 * applied once per chunk after its last trace lock.
 */
@ApplicationScoped
public class JdbcTraceRepricer implements TraceRepricing {

    private static final int IN_LIST = 500;
    private static final String STEP_MODEL = "coalesce(s.model, t.model)";

    @Resource(lookup = TracesDataSource.JNDI_NAME)
    DataSource dataSource;

    /** The traces with a step in scope, in id order (the order their rows are locked in). */
    @Transactional(Transactional.TxType.SUPPORTS)
    @Override
    public List<UUID> affectedTraces(RecomputeScope scope) {
        Timestamp from = Timestamp.from(scope.fromInstant());
        try (Connection c = dataSource.getConnection()) {
            Predicate<String> inScope = scope.modelMatcher();
            List<String> models = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("select distinct " + STEP_MODEL
                    + " from trace_step s join trace t on t.id = s.trace_id where s.started_at >= ?")) {
                ps.setTimestamp(1, from);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        if (inScope.test(rs.getString(1))) {
                            models.add(rs.getString(1));
                        }
                    }
                }
            }
            TreeSet<UUID> traces = new TreeSet<>();
            for (int i = 0; i < models.size(); i += IN_LIST) {
                List<String> part = models.subList(i, Math.min(models.size(), i + IN_LIST));
                String marks = String.join(", ", Collections.nCopies(part.size(), "?"));
                try (PreparedStatement ps = c.prepareStatement("select distinct s.trace_id from trace_step s join trace t"
                        + " on t.id = s.trace_id where s.started_at >= ? and " + STEP_MODEL + " in (" + marks + ")")) {
                    ps.setTimestamp(1, from);
                    for (int j = 0; j < part.size(); j++) {
                        ps.setString(j + 2, part.get(j));
                    }
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            traces.add(rs.getObject(1, UUID.class));
                        }
                    }
                }
            }
            return new ArrayList<>(traces);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot find the traces to recompute", e);
        }
    }

    /**
     * Re-prices every step of these traces and rebuilds their cost totals from the steps with SQL sums,
     * all in one transaction of its own, then counts them as done on the job.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    @Override
    public void repriceChunk(long jobId, List<UUID> traceIds, StepPricer pricer) {
        try (Connection c = dataSource.getConnection()) {
            SpendRollups.Pending rollups = new SpendRollups.Pending();
            for (UUID traceId : traceIds) {
                reprice(c, traceId, pricer, rollups);
            }
            rollups.flush(c); // after every trace lock of the chunk, as ingest does (no lock cycle)
            try (PreparedStatement ps = c.prepareStatement("update recompute_job set done = done + ?,"
                    + " heartbeat_at = current_timestamp where id = ?")) {
                ps.setInt(1, traceIds.size());
                ps.setLong(2, jobId);
                ps.executeUpdate();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot recompute traces " + traceIds, e);
        }
    }

    private static void reprice(Connection c, UUID traceId, StepPricer pricer, SpendRollups.Pending rollups)
            throws SQLException {
        String traceModel;
        String provider;
        try (PreparedStatement ps = c.prepareStatement("select model, provider from trace where id = ? for update")) {
            ps.setObject(1, traceId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return; // deleted meanwhile
                }
                traceModel = rs.getString(1);
                provider = rs.getString(2);
            }
        }
        try (PreparedStatement read = c.prepareStatement("select seq, model, input_tokens, output_tokens, cached_input_tokens,"
                + " reasoning_tokens, started_at, cost_usd, cache_creation_tokens from trace_step where trace_id = ?");
             PreparedStatement write = c.prepareStatement("update trace_step set cost_usd = ? where trace_id = ? and seq = ?")) {
            read.setObject(1, traceId);
            try (ResultSet rs = read.executeQuery()) {
                while (rs.next()) {
                    String model = CostRule.effectiveModel(rs.getString(2), traceModel);
                    TokenCounts tokens = new TokenCounts(rs.getLong(3), rs.getLong(4), rs.getLong(5), rs.getLong(6),
                            rs.getLong(9));
                    BigDecimal cost = CostRule.stored(pricer.price(model, provider, rs.getTimestamp(7).toInstant(), tokens));
                    BigDecimal old = rs.getBigDecimal(8);
                    if (!sameAmount(old, cost)) {
                        write.setBigDecimal(1, cost);
                        write.setObject(2, traceId);
                        write.setInt(3, rs.getInt(1));
                        write.addBatch();
                    }
                }
            }
            write.executeBatch();
        }
        rollups.around(c, traceId, () -> {
            try (PreparedStatement ps = c.prepareStatement("update trace set"
                    + " cost_usd = coalesce((select sum(cost_usd) from trace_step where trace_id = ?), 0),"
                    + " unpriced_steps = (select count(*) from trace_step where trace_id = ? and cost_usd is null)"
                    + " where id = ?")) {
                ps.setObject(1, traceId);
                ps.setObject(2, traceId);
                ps.setObject(3, traceId);
                ps.executeUpdate();
            }
        });
    }


    private static boolean sameAmount(BigDecimal a, BigDecimal b) {
        return a == null || b == null ? Objects.equals(a, b) : a.compareTo(b) == 0;
    }
}
