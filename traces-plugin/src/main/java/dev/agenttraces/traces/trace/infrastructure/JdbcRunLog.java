package dev.agenttraces.traces.trace.infrastructure;

import dev.agenttraces.traces.shared.RunLog;
import jakarta.annotation.Resource;
import jakarta.transaction.Transactional;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * A {@link RunLog} in a table of the shape recompute_job (V11) and retention_run (V90) share: {@code id},
 * {@code status} (RUNNING, DONE, FAILED), {@code running} (1 while running, else null, under a unique
 * constraint, so one row at most holds 1), {@code heartbeat_at}, {@code finished_at} and {@code error}.
 * Every state change commits on its own (REQUIRES_NEW, inherited by the subclasses), so a page sees the
 * progress at once and a failure of the work never rolls back the record of that failure. A subclass names its
 * table and reads its row; the plugin's data source is injected here.
 *
 * @param <R> the run as read back
 */
@Transactional(Transactional.TxType.REQUIRES_NEW)
public abstract class JdbcRunLog<R> implements RunLog<R> {

    /** The longest error text kept (the column's width). */
    private static final int MAX_ERROR = 4000;
    /** PostgreSQL's unique_violation: the constraint on {@code running} refused a second running row. */
    private static final String UNIQUE_VIOLATION = "23505";

    private final String table;
    private final String startedByColumn;
    private final String columns;
    private final Supplier<? extends RuntimeException> alreadyRunning;

    @Resource(lookup = TracesDataSource.JNDI_NAME)
    DataSource dataSource;

    /**
     * @param table           the run table
     * @param startedByColumn the column {@link #start} writes its argument to
     * @param columns         the columns {@link #read} reads, in its order
     * @param alreadyRunning  what {@link #start} throws when another run is running
     */
    protected JdbcRunLog(String table, String startedByColumn, String columns,
                         Supplier<? extends RuntimeException> alreadyRunning) {
        this.table = table;
        this.startedByColumn = startedByColumn;
        this.columns = columns;
        this.alreadyRunning = alreadyRunning;
    }

    /** The run in the current row of a select of {@code columns}. */
    protected abstract R read(ResultSet rs) throws SQLException;

    @Override
    public long start(String startedBy) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("insert into " + table + " (status, running, " + startedByColumn
                     + ") values ('RUNNING', 1, ?)", new String[] {"id"})) {
            ps.setString(1, startedBy);
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        } catch (SQLException e) {
            if (UNIQUE_VIOLATION.equals(e.getSQLState())) {
                throw alreadyRunning.get();
            }
            throw new IllegalStateException("Cannot record a run in " + table, e);
        }
    }

    @Override
    public int failAbandoned(Instant silentSince) {
        return update("update " + table + " set status = 'FAILED', running = null, finished_at = current_timestamp,"
                + " error = 'Abandoned: no progress (was the server restarted?)' where running = 1 and heartbeat_at < ?",
                Timestamp.from(silentSince));
    }

    @Override
    public void finish(long id) {
        update("update " + table + " set status = 'DONE', running = null, finished_at = current_timestamp"
                + " where id = ? and running = 1", id);
    }

    @Override
    public void fail(long id, String error) {
        String message = error == null ? "unknown error" : error.length() > MAX_ERROR ? error.substring(0, MAX_ERROR) : error;
        update("update " + table + " set status = 'FAILED', running = null, error = ?, finished_at = current_timestamp"
                + " where id = ? and running = 1", message, id);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    @Override
    public Optional<R> latest() {
        return first("order by id desc fetch first 1 rows only");
    }

    /** The first run that this SQL tail (a where and/or order by clause) selects. */
    protected Optional<R> first(String tail, Object... params) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("select " + columns + " from " + table + " " + tail)) {
            bind(ps, params);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(read(rs)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the runs in " + table, e);
        }
    }

    /** Runs one update of the table; answers how many rows it changed. */
    protected int update(String sql, Object... params) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, params);
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot update the runs in " + table, e);
        }
    }

    /** A finished time, or null while the run runs. */
    protected static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }

    private static void bind(PreparedStatement ps, Object... params) throws SQLException {
        for (int i = 0; i < params.length; i++) {
            ps.setObject(i + 1, params[i]);
        }
    }
}
