package dev.agenttraces.traces.retention.infrastructure;

import dev.agenttraces.traces.retention.domain.RemovedBatch;
import dev.agenttraces.traces.retention.domain.RetentionAlreadyRunning;
import dev.agenttraces.traces.retention.domain.RetentionRun;
import dev.agenttraces.traces.retention.domain.RetentionRunLog;
import dev.agenttraces.traces.trace.infrastructure.JdbcRunLog;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * The retention_run table (V90), one running run at a time ({@link JdbcRunLog}: two servers whose schedules fire
 * together, or an admin clicking "Run now" meanwhile, cannot both run), with what each batch removed.
 */
@ApplicationScoped
public class JdbcRetentionRuns extends JdbcRunLog<RetentionRun> implements RetentionRunLog {

    public JdbcRetentionRuns() {
        super("retention_run", "started_by", "id, status, started_by, traces_removed, steps_removed, cost_removed,"
                + " started_at, finished_at, error", RetentionAlreadyRunning::new);
    }

    @Override
    protected RetentionRun read(ResultSet rs) throws SQLException {
        return new RetentionRun(rs.getLong(1), RetentionRun.Status.valueOf(rs.getString(2)), rs.getString(3),
                rs.getLong(4), rs.getLong(5), rs.getBigDecimal(6), rs.getTimestamp(7).toInstant(),
                instant(rs.getTimestamp(8)), rs.getString(9));
    }

    @Override
    public void progress(long id, RemovedBatch batch) {
        update("update retention_run set traces_removed = traces_removed + ?, steps_removed = steps_removed + ?,"
                + " cost_removed = cost_removed + ?, heartbeat_at = current_timestamp where id = ?",
                batch.traces(), batch.steps(), batch.cost(), id);
    }
}
