package dev.agenttraces.traces.retention.infrastructure;

import dev.agenttraces.traces.retention.domain.BoardPolicy;
import dev.agenttraces.traces.retention.domain.Removable;
import dev.agenttraces.traces.retention.domain.RemovedBatch;
import dev.agenttraces.traces.retention.domain.RetentionRepository;
import dev.agenttraces.traces.trace.infrastructure.SpendRollups;
import dev.agenttraces.traces.trace.infrastructure.TracesDataSource;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import javax.sql.DataSource;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.UUID;

/**
 * The retention settings ({@code board_retention}, V90) and the batch removal. A batch is one transaction: it picks
 * up to {@code limit} old traces of the board, locks them one by one in id order (the order the recompute and an OTLP
 * export lock traces in, so no lock cycle), subtracts each from the spend rollups ({@link SpendRollups.Pending}: its
 * share is read under its lock, so a batch that arrived meanwhile is subtracted too), deletes it (its steps, step
 * flags, insight row and annotations go with it: every table with a {@code trace_id} references the trace
 * {@code on delete cascade}, V1, V60, V61), applies the rollup differences after the last trace lock, as ingest does,
 * and drops the board's rollup rows of days before the cutoff that no trace sums to any more.
 */
@ApplicationScoped
public class JdbcRetentionStore implements RetentionRepository {

    private static final String[] ROLLUPS = {"spend_agent_day", "spend_agent_received_day", "spend_task_day"};

    @Resource(lookup = TracesDataSource.JNDI_NAME)
    DataSource dataSource;

    @Transactional(Transactional.TxType.SUPPORTS)
    @Override
    public List<BoardPolicy> boards() {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("select b.id, b.name, r.days from board b"
                     + " left join board_retention r on r.board_id = b.id order by b.name, b.id");
             ResultSet rs = ps.executeQuery()) {
            List<BoardPolicy> out = new ArrayList<>();
            while (rs.next()) {
                int days = rs.getInt(3);
                out.add(new BoardPolicy(rs.getLong(1), rs.getString(2), rs.wasNull() ? null : days));
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the boards' retention", e);
        }
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    @Override
    public boolean setDays(long boardId, Integer days, String by) {
        try (Connection c = dataSource.getConnection()) {
            if (!exists(c, boardId)) {
                return false;
            }
            update(c, "delete from board_retention where board_id = ?", boardId);
            if (days != null) {
                update(c, "insert into board_retention (board_id, days, updated_by) values (?, ?, ?)", boardId, days, by);
            }
            return true;
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot set the retention of board " + boardId, e);
        }
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    @Override
    public Removable removable(long boardId, Instant cutoff) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("select count(*), coalesce(sum(t.step_count), 0),"
                     + " coalesce(sum(t.cost_usd), 0), coalesce(sum(t.unpriced_steps), 0), min(t.started_at)"
                     + " from trace t join task k on k.id = t.task_id where k.board_id = ? and t.started_at < ?")) {
            ps.setLong(1, boardId);
            ps.setTimestamp(2, Timestamp.from(cutoff));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                Timestamp oldest = rs.getTimestamp(5);
                return new Removable(rs.getLong(1), rs.getLong(2), rs.getBigDecimal(3), rs.getLong(4),
                        oldest == null ? null : oldest.toInstant());
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot preview the retention of board " + boardId, e);
        }
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    @Override
    public RemovedBatch removeBatch(long boardId, Instant cutoff, int limit) {
        Timestamp before = Timestamp.from(cutoff);
        try (Connection c = dataSource.getConnection()) {
            TreeSet<UUID> ids = candidates(c, boardId, before, limit);
            SpendRollups.Pending rollups = new SpendRollups.Pending();
            int traces = 0;
            long steps = 0;
            BigDecimal cost = BigDecimal.ZERO;
            try (PreparedStatement lock = c.prepareStatement("select step_count, cost_usd from trace"
                         + " where id = ? and started_at < ? for update");
                 PreparedStatement delete = c.prepareStatement("delete from trace where id = ?")) {
                for (UUID id : ids) {
                    lock.setObject(1, id);
                    lock.setTimestamp(2, before);
                    try (ResultSet rs = lock.executeQuery()) {
                        if (!rs.next()) {
                            continue; // removed meanwhile, or its start moved
                        }
                        steps += rs.getLong(1);
                        cost = cost.add(rs.getBigDecimal(2));
                    }
                    delete.setObject(1, id);
                    rollups.around(c, id, delete::executeUpdate);
                    traces++;
                }
            }
            rollups.flush(c); // after every trace lock of the batch, as ingest does (no lock cycle)
            dropEmptyRollupDays(c, boardId, LocalDate.ofInstant(cutoff, ZoneOffset.UTC));
            return new RemovedBatch(traces, steps, cost);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot remove old traces of board " + boardId, e);
        }
    }

    /** Up to {@code limit} of the board's traces that started before the cutoff, in id order (no lock yet). */
    private static TreeSet<UUID> candidates(Connection c, long boardId, Timestamp before, int limit) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select t.id from trace t join task k on k.id = t.task_id"
                + " where k.board_id = ? and t.started_at < ? fetch first ? rows only")) {
            ps.setLong(1, boardId);
            ps.setTimestamp(2, before);
            ps.setInt(3, limit);
            TreeSet<UUID> ids = new TreeSet<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getObject(1, UUID.class));
                }
            }
            return ids;
        }
    }

    /** Rows of days that left the window and that no trace sums to any more: whole rollup days go. */
    private static void dropEmptyRollupDays(Connection c, long boardId, LocalDate cutoffDay) throws SQLException {
        for (String table : ROLLUPS) {
            update(c, "delete from " + table + " where board_id = ? and spend_day < ? and traces = 0",
                    boardId, Date.valueOf(cutoffDay));
        }
    }

    private static boolean exists(Connection c, long boardId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select 1 from board where id = ?")) {
            ps.setLong(1, boardId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    private static void update(Connection c, String sql, Object... params) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            ps.executeUpdate();
        }
    }
}
