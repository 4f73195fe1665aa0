package dev.agenttraces.traces.pricing.infrastructure;

import dev.agenttraces.traces.pricing.application.RecomputeAlreadyRunning;
import dev.agenttraces.traces.pricing.application.RecomputeJob;
import dev.agenttraces.traces.pricing.application.RecomputeJobLog;
import dev.agenttraces.traces.trace.infrastructure.JdbcRunLog;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/**
 * The recompute_job table, one running job at a time ({@link JdbcRunLog}: two admins, or two servers, clicking
 * at once cannot both start), with the job's size and a finished job shown as wholly done.
 */
@ApplicationScoped
public class JdbcRecomputeJobs extends JdbcRunLog<RecomputeJob> implements RecomputeJobLog {

    public JdbcRecomputeJobs() {
        super("recompute_job", "description", "id, status, description, total, done, started_at, finished_at, error",
                RecomputeAlreadyRunning::new);
    }

    @Override
    protected RecomputeJob read(ResultSet rs) throws SQLException {
        return new RecomputeJob(rs.getLong(1), RecomputeJob.Status.valueOf(rs.getString(2)), rs.getString(3),
                rs.getInt(4), rs.getInt(5), rs.getTimestamp(6).toInstant(), instant(rs.getTimestamp(7)), rs.getString(8));
    }

    @Override
    public void total(long id, int total) {
        update("update recompute_job set total = ?, heartbeat_at = current_timestamp where id = ?", total, id);
    }

    /** A finished job counts every trace done, whatever its last progress said. */
    @Override
    public void finish(long id) {
        update("update recompute_job set status = 'DONE', running = null, done = total, finished_at = current_timestamp"
                + " where id = ? and running = 1", id);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    @Override
    public Optional<RecomputeJob> find(long id) {
        return first("where id = ?", id);
    }
}
