package dev.agenttraces.traces.pricing.infrastructure;

import dev.agenttraces.traces.pricing.application.RecomputeJobLog;

import dev.agenttraces.traces.pricing.application.RecomputeAlreadyRunning;
import dev.agenttraces.traces.pricing.application.RecomputeJob;
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
 * The recompute_job table. Every state change commits on its own (REQUIRES_NEW) so the progress bar of
 * any page sees it at once and a failure of the work never rolls back the record of that failure.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRES_NEW)
public class JdbcRecomputeJobs implements RecomputeJobLog {

    private static final String COLUMNS = "id, status, description, total, done, started_at, finished_at, error";

    @Resource(lookup = TracesDataSource.JNDI_NAME)
    DataSource dataSource;

    /**
     * Records a running job, or refuses: the unique constraint on {@code running} lets one row hold 1,
     * so two admins (or two servers) clicking at once cannot both start.
     */
    @Override
    public long start(String description) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("insert into recompute_job (status, running, description)"
                     + " values ('RUNNING', 1, ?)", new String[] {"id"})) {
            ps.setString(1, description);
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        } catch (SQLException e) {
            if ("23505".equals(e.getSQLState())) {
                throw new RecomputeAlreadyRunning();
            }
            throw new IllegalStateException("Cannot record a recompute job", e);
        }
    }

    /** A job whose worker died with the server would block every later one: fail it after a silence. */
    @Override
    public int failAbandoned(Instant silentSince) {
        return update("update recompute_job set status = 'FAILED', running = null, finished_at = current_timestamp,"
                + " error = 'Abandoned: no progress (was the server restarted?)' where running = 1 and heartbeat_at < ?",
                Timestamp.from(silentSince));
    }

    @Override
    public void total(long id, int total) {
        update("update recompute_job set total = ?, heartbeat_at = current_timestamp where id = ?", total, id);
    }

    @Override
    public void finish(long id) {
        update("update recompute_job set status = 'DONE', running = null, done = total, finished_at = current_timestamp"
                + " where id = ? and running = 1", id);
    }

    @Override
    public void fail(long id, String error) {
        String message = error == null ? "unknown error" : error.length() > 4000 ? error.substring(0, 4000) : error;
        update("update recompute_job set status = 'FAILED', running = null, error = ?, finished_at = current_timestamp"
                + " where id = ? and running = 1", message, id);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    @Override
    public Optional<RecomputeJob> find(long id) {
        return query("select " + COLUMNS + " from recompute_job where id = ?", id);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    @Override
    public Optional<RecomputeJob> latest() {
        return query("select " + COLUMNS + " from recompute_job order by id desc fetch first 1 rows only");
    }

    private Optional<RecomputeJob> query(String sql, Object... params) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, params);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                Timestamp finished = rs.getTimestamp(7);
                return Optional.of(new RecomputeJob(rs.getLong(1), RecomputeJob.Status.valueOf(rs.getString(2)),
                        rs.getString(3), rs.getInt(4), rs.getInt(5), rs.getTimestamp(6).toInstant(),
                        finished == null ? null : finished.toInstant(), rs.getString(8)));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read recompute jobs", e);
        }
    }

    private int update(String sql, Object... params) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, params);
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot update recompute jobs", e);
        }
    }

    private static void bind(PreparedStatement ps, Object... params) throws SQLException {
        for (int i = 0; i < params.length; i++) {
            ps.setObject(i + 1, params[i]);
        }
    }
}
