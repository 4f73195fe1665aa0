package dev.agenttraces.traces.retention.infrastructure;

import dev.agenttraces.traces.retention.domain.RemovedBatch;
import dev.agenttraces.traces.retention.domain.RetentionAlreadyRunning;
import dev.agenttraces.traces.retention.domain.RetentionRun;
import dev.agenttraces.traces.retention.domain.RetentionRunLog;
import dev.agenttraces.traces.trace.infrastructure.TracesDataSource;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

/**
 * The retention_run table (V90). Every state change commits on its own (REQUIRES_NEW), so the admin page sees the
 * progress at once and a failed run keeps the record of its failure. The unique constraint on {@code running} lets
 * one row hold 1: two servers whose schedules fire together, or an admin clicking "Run now" meanwhile, cannot both run.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRES_NEW)
public class JdbcRetentionRuns implements RetentionRunLog {

    @Resource(lookup = TracesDataSource.JNDI_NAME)
    DataSource dataSource;

    @Override
    public long start(String startedBy) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("insert into retention_run (status, running, started_by)"
                     + " values ('RUNNING', 1, ?)", new String[] {"id"})) {
            ps.setString(1, startedBy);
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        } catch (SQLException e) {
            if ("23505".equals(e.getSQLState())) {
                throw new RetentionAlreadyRunning();
            }
            throw new IllegalStateException("Cannot record a retention run", e);
        }
    }

    @Override
    public int failAbandoned(Instant silentSince) {
        return change("update retention_run set status = 'FAILED', running = null, finished_at = current_timestamp,"
                + " error = 'Abandoned: no progress (was the server restarted?)' where running = 1 and heartbeat_at < ?",
                Timestamp.from(silentSince));
    }

    @Override
    public void progress(long id, RemovedBatch batch) {
        change("update retention_run set traces_removed = traces_removed + ?, steps_removed = steps_removed + ?,"
                + " cost_removed = cost_removed + ?, heartbeat_at = current_timestamp where id = ?",
                batch.traces(), batch.steps(), batch.cost(), id);
    }

    @Override
    public void finish(long id) {
        change("update retention_run set status = 'DONE', running = null, finished_at = current_timestamp"
                + " where id = ? and running = 1", id);
    }

    @Override
    public void fail(long id, String error) {
        String message = error == null ? "unknown error" : error.length() > 4000 ? error.substring(0, 4000) : error;
        change("update retention_run set status = 'FAILED', running = null, error = ?, finished_at = current_timestamp"
                + " where id = ? and running = 1", message, id);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    @Override
    public Optional<RetentionRun> latest() {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("select id, status, started_by, traces_removed, steps_removed,"
                     + " cost_removed, started_at, finished_at, error from retention_run order by id desc"
                     + " fetch first 1 rows only");
             ResultSet rs = ps.executeQuery()) {
            if (!rs.next()) {
                return Optional.empty();
            }
            Timestamp finished = rs.getTimestamp(8);
            return Optional.of(new RetentionRun(rs.getLong(1), RetentionRun.Status.valueOf(rs.getString(2)),
                    rs.getString(3), rs.getLong(4), rs.getLong(5), rs.getBigDecimal(6), rs.getTimestamp(7).toInstant(),
                    finished == null ? null : finished.toInstant(), rs.getString(9)));
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the retention runs", e);
        }
    }

    private int change(String sql, Object... params) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot update the retention runs", e);
        }
    }
}
